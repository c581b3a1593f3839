using Timmy.Core.Lightning.Ledger;

namespace Timmy.Web.Api.Lightning;

/// <summary>The ledger's balance in sats, as the spec defines it.</summary>
public sealed record BalanceDto(long IncomingTotal, long OutgoingTotal, long FeesPaid, long Net, long PendingIncoming, long PendingOutgoing, long Available)
{
    public static BalanceDto From(LedgerBalance b) =>
        new(b.IncomingTotal, b.OutgoingTotal, b.FeesPaid, b.Net, b.PendingIncoming, b.PendingOutgoing, b.Available);
}
