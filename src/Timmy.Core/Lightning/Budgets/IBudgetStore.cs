using Timmy.Core.Storage;

namespace Timmy.Core.Lightning.Budgets;

/// <summary>The <c>lightning_budgets</c> table: one budget per agent.</summary>
public interface IBudgetStore
{
    Task<AgentBudget?> GetAsync(string agentId, CancellationToken cancellationToken = default);

    Task<AgentBudget?> GetAsync(WriteTransaction transaction, string agentId, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<AgentBudget>> ListAsync(CancellationToken cancellationToken = default);

    Task<AgentBudget> SetAsync(WriteTransaction transaction, string agentId, long maxSats, string period, CancellationToken cancellationToken = default);

    /// <summary>False when the agent had no budget.</summary>
    Task<bool> RemoveAsync(WriteTransaction transaction, string agentId, CancellationToken cancellationToken = default);
}
