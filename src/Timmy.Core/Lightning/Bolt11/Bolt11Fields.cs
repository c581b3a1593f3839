namespace Timmy.Core.Lightning.Bolt11;

/// <summary>The tagged fields of one invoice as <see cref="Bolt11FieldReader"/> found them, before the invoice is
/// put together (hex for hashes and keys; null for a field that was absent or skipped).</summary>
internal sealed class Bolt11Fields
{
    public string? PaymentHash { get; set; }
    public string? PaymentSecret { get; set; }
    public string? Description { get; set; }
    public string? DescriptionHash { get; set; }
    public string? PaymentMetadata { get; set; }
    public string? PayeeNodeId { get; set; }
    public ulong? ExpirySeconds { get; set; }
    public int? MinFinalCltvExpiry { get; set; }
    public Bolt11Features? Features { get; set; }
    public List<Bolt11Fallback> Fallbacks { get; } = [];
    public List<IReadOnlyList<Bolt11RouteHop>> RouteHints { get; } = [];
}
