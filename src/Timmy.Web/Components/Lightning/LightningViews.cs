using Timmy.Core.Lightning;
using Timmy.Core.Lightning.Budgets;
using Timmy.Core.Lightning.Ledger;
using Timmy.Core.Swarm.Agents;
using Timmy.Core.Swarm.Personas;

namespace Timmy.Web.Components.Lightning;

/// <summary>The Lightning pages' read side: the ledger page's live parts (<see cref="LedgerLiveModel"/>), one entry,
/// the agents a budget can be set for, and Home's card. Pages and their fragments both load through here, so a
/// fragment is the page's part, drawn again.</summary>
public sealed class LightningViews(LedgerService ledger, BudgetService budgets, LightningNodeStatus nodeStatus, IAgentStore agents, TimeProvider time)
{
    public const int MaxIdLength = 64;

    public bool IsSimulated => ledger.Node.IsSimulated;

    /// <param name="refreshNode">Ask the node now rather than use its answer of the last few seconds (a payment
    /// changed its balance).</param>
    public async Task<LedgerLiveModel> LiveAsync(LedgerFilters filters, string? invoiceId, string? paymentId, bool refreshNode, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        return new LedgerLiveModel
        {
            Node = await nodeStatus.GetAsync(refreshNode, ct),
            Balance = await ledger.Store.BalanceAsync(ct),
            Chart = VolumeChartModel.From(await ledger.Store.DailyAsync(today.AddDays(1 - VolumeChartModel.DefaultDays), today, ct), today),
            Table = await TableAsync(filters, now, ct),
            Budgets = await budgets.ListAsync(ct),
            Invoice = await EntryAsync(invoiceId, ct) is { IsIncoming: true } invoice ? invoice : null,
            Payment = await EntryAsync(paymentId, ct) is { IsIncoming: false } payment ? payment : null,
            Now = now,
        };
    }

    /// <summary>One entry, or null for an unknown (or impossibly long) id.</summary>
    public async Task<LedgerEntry?> EntryAsync(string? id, CancellationToken ct) =>
        id is { Length: > 0 and <= MaxIdLength } ? await ledger.Store.GetAsync(id, ct) : null;

    /// <summary>Every agent the swarm knows and every persona, for the budget form's suggestions.</summary>
    public async Task<IReadOnlyList<string>> AgentIdsAsync(CancellationToken ct) =>
        (await agents.ListAsync(ct)).Select(a => a.Id).Concat(PersonaCatalog.All.Select(p => p.Id))
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();

    public async Task<LightningGlanceModel> GlanceAsync(CancellationToken ct) => new(await ledger.Store.BalanceAsync(ct), IsSimulated);

    private async Task<LedgerTableModel> TableAsync(LedgerFilters filters, DateTimeOffset now, CancellationToken ct)
    {
        var (filter, errors) = filters.ToFilter();
        var model = new LedgerTableModel { Filters = filters, Errors = errors, CanSimulate = IsSimulated, Now = now };
        if (errors.Count > 0)
        {
            return model;
        }
        var page = await ledger.Store.ListAsync(filter, ct);
        return model with { Entries = page.Entries, OlderCursor = page.Next };
    }
}
