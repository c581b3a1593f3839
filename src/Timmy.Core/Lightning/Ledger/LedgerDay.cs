namespace Timmy.Core.Lightning.Ledger;

/// <summary>One day's volume (UTC, by the day the entries were created): settled sats each way, fees, and how many
/// entries of each kind there were.</summary>
public sealed record LedgerDay(DateOnly Day, long IncomingSats, long OutgoingSats, long FeesSats, int Settled, int Failed, int Expired, int Pending);
