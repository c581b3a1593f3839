using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Timmy.Core.Storage;
using Timmy.Core.Swarm.Personas;

namespace Timmy.Tests.Swarm.Personas;

public sealed class PersonasServiceCollectionExtensionsTests : PersonaOutcomesDatabaseTests
{
    [Fact]
    public async Task AddSwarmPersonas_HostStarts_LearnerHasLoadedTheStoredHistory()
    {
        var earlier = new BidLearner(new SqlitePersonaOutcomeStore(Db.Connections, Time));
        await LearnerHistory.LoseAuctionsAsync(earlier, "helm", 6, "docker");
        var services = new ServiceCollection().AddSingleton<IDbConnectionFactory>(Reopen()).AddSingleton<TimeProvider>(Time);
        await using var provider = services.AddSwarmPersonas().BuildServiceProvider();

        foreach (var hosted in provider.GetServices<IHostedService>())
        {
            await hosted.StartAsync(Ct);
        }

        Assert.Same(provider.GetRequiredService<BidLearner>(), provider.GetRequiredService<BidLearner>());
        Assert.Equal(6, provider.GetRequiredService<BidLearner>().Describe("helm").Outcomes);
        var decision = provider.GetRequiredService<PersonaBidder>()
            .Decide(PersonaCatalog.Helm, "Write a docker compose file", 10_000, new HashSet<string>());
        Assert.Equal(0.65, decision.LearnedFactor);
    }
}
