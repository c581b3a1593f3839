using Timmy.Core.Lightning.Ledger;

namespace Timmy.Web.Api.Lightning;

/// <summary>A ledger entry as the API shows it. The preimage is shown only for outgoing payments (the proof that we
/// paid); an incoming invoice's preimage stays in the ledger.</summary>
public sealed record LedgerEntryDto(
    string Id, string Direction, string Status, string PaymentHash, long AmountSats, long AmountMsat, string? Memo, string? Invoice,
    string? Preimage, string Source, string? TaskId, string? AgentId, DateTimeOffset CreatedAt, DateTimeOffset? SettledAt, long FeeSats,
    long? MaxFeeSats, DateTimeOffset? ExpiresAt, string? FailureReason)
{
    public static LedgerEntryDto From(LedgerEntry e) => new(
        e.Id, e.Direction, e.Status, e.PaymentHash, e.AmountSats, e.AmountMsat, e.Memo, e.Invoice, e.IsIncoming ? null : e.Preimage, e.Source,
        e.TaskId, e.AgentId, e.CreatedAt, e.SettledAt, e.FeeSats, e.MaxFeeSats, e.ExpiresAt, e.FailureReason);
}
