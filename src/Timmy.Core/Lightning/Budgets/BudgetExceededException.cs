using Timmy.Core.Refusals;

namespace Timmy.Core.Lightning.Budgets;

/// <summary>A payment on an agent's behalf would spend past its budget (or it has none). Nothing was paid.</summary>
public sealed class BudgetExceededException(string agentId, string detail, long? remainingSats) : ForbiddenException("Over budget", detail)
{
    public override IReadOnlyDictionary<string, object?> Facts => new Dictionary<string, object?>
    {
        ["agent_id"] = agentId, ["remaining_sats"] = remainingSats,
    };
}
