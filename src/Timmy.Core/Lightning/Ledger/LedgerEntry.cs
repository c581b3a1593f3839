namespace Timmy.Core.Lightning.Ledger;

/// <summary>One row of the ledger: an invoice issued (incoming) or paid (outgoing), by payment hash. The preimage is
/// the proof of payment; it is kept here and never put into an event.</summary>
public sealed record LedgerEntry(
    string Id,
    string Direction,
    string Status,
    string PaymentHash,
    long AmountSats,
    long AmountMsat,
    string Source,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    public string? Memo { get; init; }

    /// <summary>The BOLT11 string.</summary>
    public string? Invoice { get; init; }

    public string? Preimage { get; init; }
    public string? TaskId { get; init; }
    public string? AgentId { get; init; }
    public DateTimeOffset? SettledAt { get; init; }
    public long FeeSats { get; init; }

    /// <summary>Most the routing of an outgoing payment was allowed to cost.</summary>
    public long? MaxFeeSats { get; init; }

    public DateTimeOffset? ExpiresAt { get; init; }
    public string? FailureReason { get; init; }

    public bool IsIncoming => Direction == LedgerDirection.Incoming;
}
