using Timmy.Core.Events;
using Timmy.Core.Swarm.Agents;
using Timmy.Core.Swarm.Auctions;
using Timmy.Core.Swarm.Personas;
using Timmy.Core.Swarm.Tasks;
using Timmy.Web.Components.Chat;

namespace Timmy.Web.Components.Swarm;

/// <summary>The swarm pages' read side: builds each page's view model from the stores, the roster, the open auctions and
/// the event log. Pages and their live fragments both load through here, so a fragment is the page's part, drawn again.</summary>
public sealed class SwarmViews(
    ITaskStore tasks, IAgentStore agents, AgentRoster roster, AuctionHouse auctions, BidLearner learner, EventReader events, TimeProvider time)
{
    public async Task<ControlRoomViewModel> ControlRoomAsync(CancellationToken cancellationToken) => new()
    {
        Agents = await AgentsAsync(cancellationToken),
        Auctions = await AuctionsAsync(cancellationToken),
        RecentTasks = (await tasks.ListAsync(new TaskQuery { Limit = ControlRoomViewModel.RecentTaskCount }, cancellationToken)).Items,
    };

    /// <summary>Every agent the swarm knows, with its load and record.</summary>
    public async Task<IReadOnlyList<AgentView>> AgentsAsync(CancellationToken cancellationToken)
    {
        var stored = await agents.ListAsync(cancellationToken);
        var stats = await agents.StatsAsync(cancellationToken);
        return
        [
            .. stored.Select(a =>
            {
                var online = roster.Find(a.Id);
                return new AgentView(online?.Agent ?? a, PersonaCatalog.Find(a.PersonaId ?? a.Id) is { } p && a.Kind == AgentKind.Persona ? p : null,
                    online?.ActiveTasks ?? 0, stats.GetValueOrDefault(a.Id) ?? AgentStats.None(a.Id));
            }),
        ];
    }

    /// <summary>The auctions open now, soonest to close first, each with its bids so far.</summary>
    public async Task<IReadOnlyList<AuctionView>> AuctionsAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var views = new List<AuctionView>();
        foreach (var open in auctions.Open.OrderBy(a => a.ClosesAt))
        {
            if (await tasks.GetAsync(open.TaskId, cancellationToken) is { Status: SwarmTaskStatus.Bidding } task)
            {
                views.Add(await AuctionOfAsync(task, open, now, cancellationToken));
            }
        }
        return views;
    }

    /// <summary>A task's page, or null for an unknown id.</summary>
    public async Task<TaskDetailViewModel?> TaskAsync(string id, string? notice, CancellationToken cancellationToken)
    {
        if (await tasks.GetAsync(id, cancellationToken) is not { } task)
        {
            return null;
        }
        var timeline = await events.TimelineAsync(task.Id, null, cancellationToken);
        var open = auctions.Open.FirstOrDefault(a => a.TaskId == task.Id);
        return new TaskDetailViewModel
        {
            Task = task,
            Timeline = TaskTimelineEntry.From(timeline),
            Bids = await tasks.BidsAsync(task.Id, cancellationToken),
            ToolCalls = ToolCallView.From(timeline),
            Auction = open is not null && task.Status == SwarmTaskStatus.Bidding ? await AuctionOfAsync(task, open, time.GetUtcNow(), cancellationToken) : null,
            Parent = task.ParentTaskId is { } parent ? await tasks.GetAsync(parent, cancellationToken) : null,
            RepostedFrom = task.RepostedFrom is { } from ? await tasks.GetAsync(from, cancellationToken) : null,
            SubTasks = (await tasks.ListAsync(new TaskQuery { ParentTaskId = task.Id, Limit = TaskQuery.MaxLimit }, cancellationToken)).Items,
            ResultHtml = string.IsNullOrWhiteSpace(task.Result) ? null : ChatMarkdown.ToHtml(task.Result),
            Notice = TaskNotice.For(notice),
        };
    }

    public async Task<MarketplaceViewModel> MarketplaceAsync(string? notice, string? personaId, CancellationToken cancellationToken)
    {
        var all = await AgentsAsync(cancellationToken);
        return new MarketplaceViewModel
        {
            Personas =
            [
                .. new[] { PersonaCatalog.Timmy }.Concat(PersonaCatalog.All).Select(p =>
                {
                    var agent = all.FirstOrDefault(a => a.Id == p.Id);
                    return new PersonaView(p, agent?.Status ?? AgentStatus.Offline, agent?.ActiveTasks ?? 0, agent?.Stats ?? AgentStats.None(p.Id),
                        learner.Describe(p.Id));
                }),
            ],
            RemoteAgents = [.. all.Where(a => a.IsRemote)],
            Notice = MarketplaceNotice.For(notice, personaId),
        };
    }

    public async Task<SwarmGlanceModel> GlanceAsync(CancellationToken cancellationToken)
    {
        var counts = await tasks.CountByStatusAsync(cancellationToken);
        var latest = await tasks.ListAsync(new TaskQuery
        {
            Statuses = [SwarmTaskStatus.Completed, SwarmTaskStatus.Failed], Limit = SwarmGlanceModel.LatestCount,
        }, cancellationToken);
        return new SwarmGlanceModel(
            roster.Online.Count,
            counts.GetValueOrDefault(SwarmTaskStatus.Bidding),
            counts.GetValueOrDefault(SwarmTaskStatus.Assigned) + counts.GetValueOrDefault(SwarmTaskStatus.Running),
            latest.Items);
    }

    private async Task<AuctionView> AuctionOfAsync(SwarmTask task, OpenAuction open, DateTimeOffset now, CancellationToken cancellationToken) =>
        new(task, open.ClosesAt, Math.Max(0, (open.ClosesAt - now).TotalSeconds), open.WaitingFor, await tasks.BidsAsync(task.Id, cancellationToken));
}
