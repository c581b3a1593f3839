using Microsoft.Extensions.DependencyInjection;

namespace Timmy.Core.SelfModify;

public static class SelfModifyServiceCollectionExtensions
{
    /// <summary>The self-modify loop; <c>AddUpgrades()</c> calls it.</summary>
    public static IServiceCollection AddSelfModify(this IServiceCollection services)
    {
        services.AddSingleton<SelfModifyLoop>();
        return services;
    }
}
