namespace Timmy.Core.Lightning.Nodes;

/// <summary>An invoice as the node sees it. <see cref="Preimage"/> is known for invoices this node issued (and is
/// only ever shown to the ledger, never in events); <see cref="AmountPaidMsat"/> is what arrived once settled.</summary>
public sealed record NodeInvoice(
    string PaymentHash,
    string Bolt11,
    long AmountMsat,
    NodeInvoiceState State,
    DateTimeOffset CreatedAt,
    DateTimeOffset ExpiresAt)
{
    public string? Memo { get; init; }
    public string? Preimage { get; init; }
    public DateTimeOffset? SettledAt { get; init; }
    public long? AmountPaidMsat { get; init; }
}
