using Timmy.Core.Storage;

namespace Timmy.Core.Lightning.Ledger;

/// <summary>A <c>ledger</c> row as Dapper reads it.</summary>
internal sealed class LedgerRow
{
    public const string Columns = """
        id AS Id, tx_type AS Direction, status AS Status, payment_hash AS PaymentHash, amount_sats AS AmountSats,
        amount_msat AS AmountMsat, memo AS Memo, invoice AS Invoice, preimage AS Preimage, source AS Source, task_id AS TaskId,
        agent_id AS AgentId, created_at AS CreatedAt, settled_at AS SettledAt, fee_sats AS FeeSats, max_fee_sats AS MaxFeeSats,
        expires_at AS ExpiresAt, updated_at AS UpdatedAt, failure_reason AS FailureReason
        """;

    public string Id { get; set; } = "";
    public string Direction { get; set; } = "";
    public string Status { get; set; } = "";
    public string PaymentHash { get; set; } = "";
    public long AmountSats { get; set; }
    public long AmountMsat { get; set; }
    public string? Memo { get; set; }
    public string? Invoice { get; set; }
    public string? Preimage { get; set; }
    public string Source { get; set; } = "";
    public string? TaskId { get; set; }
    public string? AgentId { get; set; }
    public string CreatedAt { get; set; } = "";
    public string? SettledAt { get; set; }
    public long FeeSats { get; set; }
    public long? MaxFeeSats { get; set; }
    public string? ExpiresAt { get; set; }
    public string UpdatedAt { get; set; } = "";
    public string? FailureReason { get; set; }

    public LedgerEntry ToEntry() => new(Id, Direction, Status, PaymentHash, AmountSats, AmountMsat, Source, Timestamps.Parse(CreatedAt), Timestamps.Parse(UpdatedAt))
    {
        Memo = Memo,
        Invoice = Invoice,
        Preimage = Preimage,
        TaskId = TaskId,
        AgentId = AgentId,
        SettledAt = SettledAt is null ? null : Timestamps.Parse(SettledAt),
        FeeSats = FeeSats,
        MaxFeeSats = MaxFeeSats,
        ExpiresAt = ExpiresAt is null ? null : Timestamps.Parse(ExpiresAt),
        FailureReason = FailureReason,
    };
}
