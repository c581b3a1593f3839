namespace Timmy.Core.Lightning.Nodes;

/// <summary>An invoice to issue: the amount in milli-satoshis (0 = any amount), either a memo (the invoice's
/// description, <c>d</c>) or the SHA-256 of a longer description (<c>h</c>, 32 bytes), and how long it may be paid.</summary>
public sealed record CreateInvoiceRequest(long AmountMsat, string? Memo, TimeSpan Expiry)
{
    public byte[]? DescriptionHash { get; init; }
}
