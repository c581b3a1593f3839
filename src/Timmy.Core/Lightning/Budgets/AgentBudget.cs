namespace Timmy.Core.Lightning.Budgets;

/// <summary>What an agent may spend over Lightning: at most <see cref="MaxSats"/> (fees included) per
/// <see cref="Period"/> (<see cref="BudgetPeriod"/>). An agent without a budget may not spend at all.</summary>
public sealed record AgentBudget(string AgentId, long MaxSats, string Period, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);
