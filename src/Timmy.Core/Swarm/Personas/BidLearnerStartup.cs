using Microsoft.Extensions.Hosting;

namespace Timmy.Core.Swarm.Personas;

/// <summary>Loads the bid learner's history when the host starts (after the migrations have run), so personas bid
/// with what they learned before the restart.</summary>
public sealed class BidLearnerStartup(BidLearner learner) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => learner.LoadAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
