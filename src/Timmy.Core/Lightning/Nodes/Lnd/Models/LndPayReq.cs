namespace Timmy.Core.Lightning.Nodes.Lnd.Models;

/// <summary>GET /v1/payreq/{pay_req} (lnrpc.PayReq): the decoded invoice's hash (hex) and amount.</summary>
internal sealed record LndPayReq
{
    public string? PaymentHash { get; init; }
    public long NumMsat { get; init; }
}
