namespace Timmy.Core.Lightning.Nodes.CoreLightning.Models;

/// <summary>The <c>invoice</c> result: the new invoice's hash, BOLT11 string and expiry (Unix seconds).</summary>
internal sealed record ClnCreatedInvoice
{
    public string? PaymentHash { get; init; }
    public string? Bolt11 { get; init; }
    public long ExpiresAt { get; init; }
}
