namespace Timmy.Core.Lightning.Ledger;

/// <summary>A BOLT11 invoice to pay: the most its routing may cost (the configured default when null), the amount
/// for an invoice that names none, and on whose behalf (an agent's payment is checked against its budget).</summary>
public sealed record PaymentOrder(string Invoice)
{
    public long? MaxFeeSats { get; init; }
    public long? AmountSats { get; init; }
    public string Source { get; init; } = LedgerSources.Owner;
    public string? TaskId { get; init; }
    public string? AgentId { get; init; }
    public string? Memo { get; init; }
    public string? Actor { get; init; }
}
