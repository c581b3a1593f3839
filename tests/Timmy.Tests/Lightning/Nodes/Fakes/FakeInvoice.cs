namespace Timmy.Tests.Lightning.Nodes.Fakes;

/// <summary>An invoice a fake node issued, as its in-memory books hold it.</summary>
public sealed class FakeInvoice
{
    public required string Hash { get; init; }
    public required string Preimage { get; init; }
    public required string Bolt11 { get; init; }
    public required long AmountMsat { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public required TimeSpan Expiry { get; init; }
    public required long AddIndex { get; init; }
    public string? Memo { get; init; }
    public byte[]? DescriptionHash { get; init; }
    public string Label { get; init; } = "";
    public bool Paid { get; set; }
    public DateTimeOffset? PaidAt { get; set; }
    public long PayIndex { get; set; }

    public DateTimeOffset ExpiresAt => CreatedAt + Expiry;
}
