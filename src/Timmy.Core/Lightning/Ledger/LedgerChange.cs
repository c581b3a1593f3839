namespace Timmy.Core.Lightning.Ledger;

/// <summary>A move of one pending entry to a final state, with what the node told us: the preimage and fee of a
/// settled payment, or why it failed.</summary>
public sealed record LedgerChange(string Id, string To)
{
    public string? Preimage { get; init; }
    public long? FeeSats { get; init; }
    public DateTimeOffset? SettledAt { get; init; }
    public string? FailureReason { get; init; }
}
