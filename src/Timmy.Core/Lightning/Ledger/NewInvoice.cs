namespace Timmy.Core.Lightning.Ledger;

/// <summary>An invoice to issue and record: how many sats, the memo the payer sees, how long it may be paid (the
/// configured default when null), and what it is for.</summary>
public sealed record NewInvoice(long AmountSats, string? Memo)
{
    public TimeSpan? Expiry { get; init; }
    public string Source { get; init; } = LedgerSources.Owner;
    public string? TaskId { get; init; }
    public string? AgentId { get; init; }
    public string? Actor { get; init; }
}
