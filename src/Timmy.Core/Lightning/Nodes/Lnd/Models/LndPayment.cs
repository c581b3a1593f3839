namespace Timmy.Core.Lightning.Nodes.Lnd.Models;

/// <summary>lnrpc.Payment, streamed by /v2/router/send and /v2/router/track: hash and preimage are hex strings here
/// (not bytes); status IN_FLIGHT, SUCCEEDED, FAILED or INITIATED; failure_reason FAILURE_REASON_….</summary>
internal sealed record LndPayment
{
    public string? PaymentHash { get; init; }
    public long ValueMsat { get; init; }
    public string? PaymentPreimage { get; init; }
    public string? Status { get; init; }
    public long FeeMsat { get; init; }
    public string? FailureReason { get; init; }
}
