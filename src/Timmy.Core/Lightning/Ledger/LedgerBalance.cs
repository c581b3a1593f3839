namespace Timmy.Core.Lightning.Ledger;

/// <summary>The balance exactly as the spec defines it, in sats: what settled in and out, the fees paid, the net, what
/// is still pending each way, and what is available (net less what is on its way out).</summary>
public sealed record LedgerBalance(long IncomingTotal, long OutgoingTotal, long FeesPaid, long PendingIncoming, long PendingOutgoing)
{
    public long Net => IncomingTotal - OutgoingTotal - FeesPaid;

    public long Available => Net - PendingOutgoing;
}
