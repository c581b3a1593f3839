using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Timmy.Core.Agents;
using Timmy.Core.Swarm.Agents;
using Timmy.Core.Swarm.Auctions;
using Timmy.Core.Swarm.Execution;
using Timmy.Core.Swarm.Personas;
using Timmy.Core.Swarm.Tasks;

namespace Timmy.Core.Swarm;

public static class SwarmServiceCollectionExtensions
{
    /// <summary>The swarm: its stores, agents, auctions, personas, the coordinator and its host. Needs <c>AddStorage()</c>,
    /// <c>AddEvents()</c> and <c>AddRouter()</c> (the personas answer through the app's <c>IChatClient</c>).</summary>
    public static IServiceCollection AddSwarm(this IServiceCollection services)
    {
        services.AddOptions<SwarmOptions>().BindConfiguration(SwarmOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<SwarmOptions>, ValidateSwarmOptions>();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ITaskStore, SqliteTaskStore>();
        services.TryAddSingleton<IAgentStore, SqliteAgentStore>();
        services.TryAddSingleton<ITaskPayout, SwarmEarningsPayout>();
        services.AddAgentRunner();
        services.AddSwarmPersonas();
        services.AddSingleton<AgentRoster>();
        services.AddSingleton<WorkSignal>();
        services.AddSingleton<AuctionHouse>();
        services.AddSingleton<ISwarmToolSource, SwarmBuiltInTools>();
        services.AddSingleton<TaskExecutor>();
        services.AddSingleton<SwarmCoordinator>();
        services.AddSingleton<SwarmHost>();
        services.AddHostedService(sp => sp.GetRequiredService<SwarmHost>());
        return services;
    }
}
