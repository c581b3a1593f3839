namespace Timmy.Core.Lightning.Nodes.CoreLightning.Models;

/// <summary>The <c>pay</c> result, and one entry of <c>listpays</c>: status complete, pending or failed. <c>pay</c>
/// names the preimage <c>payment_preimage</c>, <c>listpays</c> names it <c>preimage</c>; the fee is what was sent
/// beyond the amount.</summary>
internal sealed record ClnPay
{
    public string? PaymentHash { get; init; }
    public string? Status { get; init; }
    public long? AmountMsat { get; init; }
    public long? AmountSentMsat { get; init; }
    public string? PaymentPreimage { get; init; }
    public string? Preimage { get; init; }
    public double? CompletedAt { get; init; }
}
