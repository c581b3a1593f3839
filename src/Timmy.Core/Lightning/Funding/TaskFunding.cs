using Microsoft.Extensions.Options;
using Timmy.Core.Lightning.Ledger;
using Timmy.Core.Swarm;
using Timmy.Core.Swarm.Tasks;

namespace Timmy.Core.Lightning.Funding;

/// <summary>A task its poster funds before the auction opens: the node issues an invoice for the task's max bid, and
/// the task (pending, auction held) and the invoice's ledger entry are stored in one commit. Once the invoice settles,
/// <see cref="TaskFundingWatcher"/> opens the auction; if it expires unpaid, the task is cancelled.</summary>
public sealed class TaskFunding(SwarmCoordinator coordinator, LedgerService ledger, IOptions<SwarmOptions> swarm)
{
    public async Task<(SwarmTask Task, LedgerEntry Invoice)> PostAsync(TaskPost post, string postedBy, string? actor, CancellationToken cancellationToken = default)
    {
        var amount = post.MaxBidSats ?? swarm.Value.DefaultMaxBidSats;
        var request = new NewInvoice(amount, Memo(post.Description)) { Source = LedgerSources.TaskFunding, Actor = actor };
        var issued = await ledger.IssueAsync(request, cancellationToken);
        LedgerEntry? invoice = null;
        var task = await coordinator.PostFundedAsync(post with { MaxBidSats = amount }, issued.PaymentHash, postedBy, actor, async (transaction, held) =>
            invoice = await ledger.RecordInvoiceAsync(transaction, issued, request with { TaskId = held.Id }, cancellationToken), cancellationToken);
        return (task, invoice!);
    }

    private static string Memo(string? description)
    {
        var text = "Fund task: " + (description ?? "").Trim().ReplaceLineEndings(" ");
        return text.Length <= 200 ? text : text[..197] + "...";
    }
}
