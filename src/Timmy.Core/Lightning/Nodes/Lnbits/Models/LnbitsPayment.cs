using System.Text.Json;

namespace Timmy.Core.Lightning.Nodes.Lnbits.Models;

/// <summary>
/// An LNbits payment record (the list's entries and a payment's <c>details</c>): amount and fee in msat, negative for
/// outgoing payments. Older LNbits marks it with <c>pending</c> and writes <c>time</c>/<c>expiry</c> as Unix
/// seconds; newer adds <c>status</c> (pending, success, failed) and writes them as ISO-8601 text, so both are read.
/// </summary>
internal sealed record LnbitsPayment
{
    public string? PaymentHash { get; init; }
    public string? Bolt11 { get; init; }
    public long Amount { get; init; }
    public long Fee { get; init; }
    public string? Memo { get; init; }
    public string? Preimage { get; init; }
    public bool? Pending { get; init; }
    public string? Status { get; init; }
    public JsonElement? Time { get; init; }
    public JsonElement? Expiry { get; init; }
}
