using Timmy.Core.Lightning.Budgets;

namespace Timmy.Web.Api.Lightning;

/// <summary>An agent's budget with what it has spent this period and what is left.</summary>
public sealed record BudgetDto(string AgentId, long MaxSats, string Period, long SpentSats, long RemainingSats, DateTimeOffset? PeriodStart, DateTimeOffset? RenewsAt)
{
    public static BudgetDto From(BudgetStanding s) =>
        new(s.Budget.AgentId, s.Budget.MaxSats, s.Budget.Period, s.SpentSats, s.RemainingSats, s.PeriodStart, s.RenewsAt);
}
