namespace Timmy.Core.Lightning.Nodes;

/// <summary>An outgoing payment as the node sees it: the preimage proves it succeeded; the fee is what routing cost;
/// a failed payment says why in the node's words.</summary>
public sealed record NodePayment(string PaymentHash, NodePaymentState State, long AmountMsat, long FeeMsat)
{
    public string? Preimage { get; init; }
    public string? FailureReason { get; init; }
    public DateTimeOffset? CompletedAt { get; init; }
}
