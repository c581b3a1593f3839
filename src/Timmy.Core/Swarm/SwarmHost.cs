using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Timmy.Core.Hosting;
using Timmy.Core.Swarm.Agents;

namespace Timmy.Core.Swarm;

/// <summary>Brings the swarm up with the server (after the learner's history is loaded by <c>AddSwarmPersonas</c>) — every agent offline until it checks in,
/// Timmy and the owner's personas joined, tasks a crash left open recovered — then every few seconds sends silent
/// remote agents offline and fails remote tasks past their time limit.</summary>
public sealed class SwarmHost(
    AgentRoster roster, SwarmCoordinator coordinator, IOptions<SwarmOptions> options, TimeProvider time, ILogger<SwarmHost> logger)
    : PeriodicBackgroundService(time, logger)
{
    public static readonly TimeSpan SweepInterval = TimeSpan.FromSeconds(5);

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await roster.StartAsync(cancellationToken);
        var recovered = await coordinator.RecoverAsync(cancellationToken);
        if (recovered > 0)
        {
            Logger.LogWarning("Recovered {Count} task(s) left open by the last run ({Mode})", recovered,
                options.Value.ReauctionOnRecovery ? "re-auctioned" : "failed");
        }
        await base.StartAsync(cancellationToken);
    }

    protected override IReadOnlyList<PeriodicJob> Jobs =>
    [
        new("Swarm heartbeat sweep", SweepInterval, async ct =>
        {
            await roster.ExpireSilentAsync(ct);
            await coordinator.FailOverdueRemoteTasksAsync(ct);
        }),
    ];
}
