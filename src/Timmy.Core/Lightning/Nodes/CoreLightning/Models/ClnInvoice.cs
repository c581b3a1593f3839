namespace Timmy.Core.Lightning.Nodes.CoreLightning.Models;

/// <summary>One entry of <c>listinvoices</c> (also what <c>waitanyinvoice</c> returns): status unpaid, paid or
/// expired; times in Unix seconds; amounts in msat (absent for an any-amount invoice).</summary>
internal sealed record ClnInvoice
{
    public string? Label { get; init; }
    public string? Bolt11 { get; init; }
    public string? PaymentHash { get; init; }
    public long? AmountMsat { get; init; }
    public string? Status { get; init; }
    public string? Description { get; init; }
    public long ExpiresAt { get; init; }
    public long? CreatedIndex { get; init; }
    public long? PayIndex { get; init; }
    public long? AmountReceivedMsat { get; init; }
    public long? PaidAt { get; init; }
    public string? PaymentPreimage { get; init; }
}
