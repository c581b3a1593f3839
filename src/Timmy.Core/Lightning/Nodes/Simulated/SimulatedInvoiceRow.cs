using Timmy.Core.Storage;

namespace Timmy.Core.Lightning.Nodes.Simulated;

/// <summary>One row of <c>simnode_invoices</c>: an invoice a simulated node issued, with its preimage.</summary>
internal sealed record SimulatedInvoiceRow(
    string PaymentHash, string NodeName, string Bolt11, string Preimage, long AmountMsat, string? Memo, string State,
    string CreatedAt, string ExpiresAt, string? SettledAt, long? AmountPaidMsat)
{
    public const string Open = "open";
    public const string Settled = "settled";
    public const string Cancelled = "cancelled";

    /// <summary>The invoice as the node reports it at <paramref name="now"/>: an open invoice whose time has run out
    /// reads as expired (nothing is written; it simply can no longer be paid).</summary>
    public NodeInvoice ToInvoice(DateTimeOffset now)
    {
        var expiresAt = Timestamps.Parse(ExpiresAt);
        var state = State switch
        {
            Settled => NodeInvoiceState.Settled,
            Cancelled => NodeInvoiceState.Cancelled,
            _ => now >= expiresAt ? NodeInvoiceState.Expired : NodeInvoiceState.Open,
        };
        return new NodeInvoice(PaymentHash, Bolt11, AmountMsat, state, Timestamps.Parse(CreatedAt), expiresAt)
        {
            Memo = Memo,
            Preimage = Preimage,
            SettledAt = SettledAt is null ? null : Timestamps.Parse(SettledAt),
            AmountPaidMsat = AmountPaidMsat,
        };
    }
}
