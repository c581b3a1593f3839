using System.ComponentModel;
using Microsoft.Extensions.AI;
using Timmy.Core.Lightning.Budgets;
using Timmy.Core.Lightning.Ledger;
using Timmy.Core.Refusals;
using Timmy.Core.Swarm.Execution;

namespace Timmy.Core.Lightning.SwarmTools;

/// <summary>The Lightning tools an agent gets while it carries out a task: see its spending budget, and pay a BOLT11
/// invoice from it (tied to the task, checked against the budget in the transaction that records it). A refusal
/// becomes the tool's answer, so the model can say why it could not pay.</summary>
public sealed class LightningTools(LedgerService ledger, BudgetService budgets) : ISwarmToolSource
{
    public IEnumerable<AIFunction> ToolsFor(SwarmToolContext context)
    {
        yield return AIFunctionFactory.Create(
            (CancellationToken cancellationToken = default) => BudgetAsync(context.AgentId, cancellationToken),
            "lightning_budget",
            "Shows your Lightning spending budget: the most you may spend per period, what you have spent and what is left.");
        yield return AIFunctionFactory.Create(
            ([Description("The BOLT11 invoice to pay (starts with ln…).")] string invoice,
             [Description("The most routing may cost, in sats. Leave out for the default.")] long? max_fee_sats = null,
             CancellationToken cancellationToken = default) => PayAsync(context, invoice, max_fee_sats, cancellationToken),
            "pay_invoice",
            "Pays a Lightning invoice from your budget, for the task you are working on. Only pay what the task needs.");
    }

    private async Task<object> BudgetAsync(string agentId, CancellationToken cancellationToken)
    {
        var standing = await budgets.GetAsync(agentId, cancellationToken);
        return standing is null
            ? new { error = "You have no spending budget; you cannot pay invoices." }
            : new
            {
                max_sats = standing.Budget.MaxSats, period = standing.Budget.Period, spent_sats = standing.SpentSats,
                remaining_sats = standing.RemainingSats, renews_at = standing.RenewsAt,
            };
    }

    private async Task<object> PayAsync(SwarmToolContext context, string invoice, long? maxFeeSats, CancellationToken cancellationToken)
    {
        try
        {
            var entry = await ledger.PayAsync(new PaymentOrder(invoice)
            {
                MaxFeeSats = maxFeeSats, Source = LedgerSources.Agent, TaskId = context.Task.Id, AgentId = context.AgentId,
            }, cancellationToken);
            return new { entry_id = entry.Id, status = entry.Status, amount_sats = entry.AmountSats, fee_sats = entry.FeeSats, reason = entry.FailureReason };
        }
        catch (RefusalException refusal)
        {
            return new { error = refusal.Message };
        }
    }
}
