namespace Timmy.Core.Lightning.Budgets;

/// <summary>A budget with what has been spent of it in the current period and what is left.</summary>
public sealed record BudgetStanding(AgentBudget Budget, long SpentSats, DateTimeOffset? PeriodStart, DateTimeOffset? RenewsAt)
{
    public long RemainingSats => Math.Max(0, Budget.MaxSats - SpentSats);
}
