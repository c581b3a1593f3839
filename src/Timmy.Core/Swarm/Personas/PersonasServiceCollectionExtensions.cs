using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Timmy.Core.Swarm.Personas;

public static class PersonasServiceCollectionExtensions
{
    /// <summary>The outcome store, the bid learner (loaded at start-up) and the bidder. Needs <c>AddStorage()</c> and
    /// the migration that creates <c>persona_outcomes</c>.</summary>
    public static IServiceCollection AddSwarmPersonas(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IPersonaOutcomeStore, SqlitePersonaOutcomeStore>();
        services.TryAddSingleton(sp => new BidLearner(sp.GetRequiredService<IPersonaOutcomeStore>()));
        services.TryAddSingleton(sp => new PersonaBidder(sp.GetRequiredService<BidLearner>()));
        services.AddHostedService<BidLearnerStartup>();
        return services;
    }
}
