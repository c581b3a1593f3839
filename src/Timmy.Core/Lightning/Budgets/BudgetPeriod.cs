namespace Timmy.Core.Lightning.Budgets;

/// <summary>How often a budget renews: at UTC midnight, on Monday (UTC), on the first of the month, or never (a
/// one-off allowance).</summary>
public static class BudgetPeriod
{
    public const string Daily = "daily";
    public const string Weekly = "weekly";
    public const string Monthly = "monthly";
    public const string Never = "never";

    public static IReadOnlyList<string> All { get; } = [Daily, Weekly, Monthly, Never];

    public static bool IsKnown(string? value) => value is Daily or Weekly or Monthly or Never;

    /// <summary>When the period that contains <paramref name="now"/> began; null for a budget that never renews.</summary>
    public static DateTimeOffset? StartOf(string period, DateTimeOffset now)
    {
        var day = new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero);
        return period switch
        {
            Daily => day,
            Weekly => day.AddDays(-(((int)day.DayOfWeek + 6) % 7)),
            Monthly => new DateTimeOffset(day.Year, day.Month, 1, 0, 0, 0, TimeSpan.Zero),
            _ => null,
        };
    }

    /// <summary>When the budget renews next; null for one that never does.</summary>
    public static DateTimeOffset? NextRenewal(string period, DateTimeOffset now) => period switch
    {
        Daily => StartOf(period, now)!.Value.AddDays(1),
        Weekly => StartOf(period, now)!.Value.AddDays(7),
        Monthly => StartOf(period, now)!.Value.AddMonths(1),
        _ => null,
    };
}
