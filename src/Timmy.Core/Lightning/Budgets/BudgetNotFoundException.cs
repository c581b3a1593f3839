using Timmy.Core.Refusals;

namespace Timmy.Core.Lightning.Budgets;

public sealed class BudgetNotFoundException(string agentId) : NotFoundException("No such budget", $"Agent {agentId} has no budget.");
