using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Timmy.Core.Agents;

public static class AgentsServiceCollectionExtensions
{
    /// <summary>The <see cref="AgentRunner"/> every agent answers through. Needs <c>AddRouter()</c> (the app's
    /// <c>IChatClient</c>).</summary>
    public static IServiceCollection AddAgentRunner(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<AgentRunner>();
        return services;
    }
}
