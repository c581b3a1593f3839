namespace Timmy.Core.Lightning.Ledger;

/// <summary>Which entries a list or an export shows; every field is optional. <see cref="Before"/> is the keyset cursor
/// (an entry id: the list continues with older ones).</summary>
public sealed record LedgerFilter
{
    public string? Direction { get; init; }
    public string? Status { get; init; }
    public string? TaskId { get; init; }
    public string? AgentId { get; init; }
    public DateTimeOffset? From { get; init; }
    public DateTimeOffset? To { get; init; }
    public string? Before { get; init; }
    public int Limit { get; init; } = 50;
}
