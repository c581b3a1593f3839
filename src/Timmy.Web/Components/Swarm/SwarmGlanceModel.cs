using Timmy.Core.Swarm.Tasks;

namespace Timmy.Web.Components.Swarm;

/// <summary>The swarm at a glance, for the home page's card: agents online, tasks in an auction or being worked on, and
/// the newest finished tasks.</summary>
public sealed record SwarmGlanceModel(int AgentsOnline, long Bidding, long Working, IReadOnlyList<SwarmTask> Latest)
{
    public const int LatestCount = 3;
}
