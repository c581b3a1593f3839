using Timmy.Core.Lightning.Ledger;

namespace Timmy.Web.Api.Lightning;

/// <summary>One UTC day's settled volume each way, fees, and how many entries ended each way.</summary>
public sealed record LedgerDayDto(string Day, long IncomingSats, long OutgoingSats, long FeesSats, int Settled, int Failed, int Expired, int Pending)
{
    public static LedgerDayDto From(LedgerDay d) =>
        new(d.Day.ToString("yyyy-MM-dd"), d.IncomingSats, d.OutgoingSats, d.FeesSats, d.Settled, d.Failed, d.Expired, d.Pending);
}
