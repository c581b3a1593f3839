using Timmy.Core.Events;
using Timmy.Core.Lightning.Ledger;
using Timmy.Core.Refusals;
using Timmy.Core.Storage;

namespace Timmy.Core.Lightning.Budgets;

/// <summary>Agents' spending budgets, like a wallet's app connections: the owner sets at most so many sats per period;
/// a payment on an agent's behalf is checked inside the write transaction that records it, so payments made at the
/// same moment are checked one after another and together never spend past the budget.</summary>
public sealed class BudgetService(IDbConnectionFactory connections, IBudgetStore budgets, ILedgerStore ledger, IEventLog events, TimeProvider time)
{
    public const int MaxAgentIdLength = 128;
    public const long MaxBudgetSats = 2_100_000_000_000_000;

    public async Task<IReadOnlyList<BudgetStanding>> ListAsync(CancellationToken cancellationToken = default)
    {
        var standings = new List<BudgetStanding>();
        foreach (var budget in await budgets.ListAsync(cancellationToken))
        {
            standings.Add(await StandingAsync(budget, cancellationToken));
        }
        return standings;
    }

    public async Task<BudgetStanding?> GetAsync(string agentId, CancellationToken cancellationToken = default) =>
        await budgets.GetAsync(agentId, cancellationToken) is { } budget ? await StandingAsync(budget, cancellationToken) : null;

    public async Task<BudgetStanding> SetAsync(string agentId, long maxSats, string period, string? actor, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(agentId) || agentId.Length > MaxAgentIdLength)
        {
            throw new InvalidFieldException("agent_id", $"Name the agent (at most {MaxAgentIdLength} characters).");
        }
        if (maxSats is < 0 or > MaxBudgetSats)
        {
            throw new InvalidFieldException("max_sats", "The budget must be a whole number of sats, 0 or more.");
        }
        if (!BudgetPeriod.IsKnown(period))
        {
            throw new InvalidFieldException("period", $"'period' must be one of {string.Join(", ", BudgetPeriod.All)}.");
        }
        await using var transaction = await connections.BeginWriteAsync(cancellationToken: cancellationToken);
        var budget = await budgets.SetAsync(transaction, agentId.Trim(), maxSats, period, cancellationToken);
        await events.AppendAsync(transaction, Changed(budget.AgentId, budget.MaxSats, budget.Period, actor), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return await StandingAsync(budget, cancellationToken);
    }

    /// <exception cref="BudgetNotFoundException">The agent has no budget.</exception>
    public async Task RemoveAsync(string agentId, string? actor, CancellationToken cancellationToken = default)
    {
        await using var transaction = await connections.BeginWriteAsync(cancellationToken: cancellationToken);
        if (!await budgets.RemoveAsync(transaction, agentId, cancellationToken))
        {
            throw new BudgetNotFoundException(agentId);
        }
        await events.AppendAsync(transaction, Changed(agentId, null, null, actor), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Refuses, inside the transaction that would record it, a payment of <paramref name="sats"/> (amount plus
    /// the most fee) that the agent's budget does not cover.</summary>
    /// <exception cref="BudgetExceededException">No budget, or not enough of it left.</exception>
    public async Task EnsureWithinAsync(WriteTransaction transaction, string agentId, long sats, CancellationToken cancellationToken = default)
    {
        var budget = await budgets.GetAsync(transaction, agentId, cancellationToken)
            ?? throw new BudgetExceededException(agentId, $"Agent {agentId} has no spending budget; the owner sets one on the Lightning page.", null);
        var now = time.GetUtcNow();
        var spent = await ledger.SpentByAgentAsync(transaction, agentId, BudgetPeriod.StartOf(budget.Period, now), cancellationToken);
        var remaining = Math.Max(0, budget.MaxSats - spent);
        if (sats > remaining)
        {
            var renews = BudgetPeriod.NextRenewal(budget.Period, now) is { } at ? $"; it renews at {at:yyyy-MM-dd HH:mm} UTC" : "; it does not renew";
            throw new BudgetExceededException(agentId,
                $"Paying {sats:N0} sats (fee included) would exceed agent {agentId}'s {budget.Period} budget of {budget.MaxSats:N0} sats: {spent:N0} spent or pending, {remaining:N0} left{renews}.",
                remaining);
        }
    }

    private async Task<BudgetStanding> StandingAsync(AgentBudget budget, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var start = BudgetPeriod.StartOf(budget.Period, now);
        var spent = await ledger.SpentByAgentAsync(budget.AgentId, start, cancellationToken);
        return new BudgetStanding(budget, spent, start, BudgetPeriod.NextRenewal(budget.Period, now));
    }

    private static EventDraft Changed(string agentId, long? maxSats, string? period, string? actor) =>
        new(EventType.PaymentBudgetChanged, LedgerEvents.Source, new { agent_id = agentId, max_sats = maxSats, period, removed = maxSats is null }, null, agentId)
        {
            Actor = actor,
        };
}
