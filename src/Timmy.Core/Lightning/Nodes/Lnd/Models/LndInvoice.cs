namespace Timmy.Core.Lightning.Nodes.Lnd.Models;

/// <summary>lnrpc.Invoice as the REST gateway writes it: bytes as base64, 64-bit numbers as strings, state one of
/// OPEN, SETTLED, CANCELED, ACCEPTED.</summary>
internal sealed record LndInvoice
{
    public string? Memo { get; init; }
    public byte[]? RPreimage { get; init; }
    public byte[]? RHash { get; init; }
    public long ValueMsat { get; init; }
    public long CreationDate { get; init; }
    public long SettleDate { get; init; }
    public string? PaymentRequest { get; init; }
    public long Expiry { get; init; }
    public long AmtPaidMsat { get; init; }
    public string? State { get; init; }
    public long AddIndex { get; init; }
}
