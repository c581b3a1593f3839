using Timmy.Core.Storage;

namespace Timmy.Core.Lightning.Nodes.Simulated;

/// <summary>One row of <c>simnode_payments</c>: a payment a simulated node made (or tried to).</summary>
internal sealed record SimulatedPaymentRow(
    string NodeName, string PaymentHash, string Bolt11, string State, long AmountMsat, long FeeMsat, string? Preimage,
    string? FailureReason, string CreatedAt, string? CompletedAt)
{
    public const string Pending = "pending";
    public const string Succeeded = "succeeded";
    public const string Failed = "failed";

    public NodePayment ToPayment() => new(
        PaymentHash,
        State switch { Succeeded => NodePaymentState.Succeeded, Failed => NodePaymentState.Failed, _ => NodePaymentState.Pending },
        AmountMsat,
        FeeMsat)
    {
        Preimage = Preimage,
        FailureReason = FailureReason,
        CompletedAt = CompletedAt is null ? null : Timestamps.Parse(CompletedAt),
    };
}
