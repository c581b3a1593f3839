using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Timmy.Core.Lightning.L402;

public static class L402ServiceCollectionExtensions
{
    /// <summary>L402 paid access: options (validated at start), the token store and <see cref="L402Service"/>. Needs
    /// <c>AddStorage()</c>, <c>AddEvents()</c> and an <see cref="IL402Ledger"/> (the Lightning ledger registers it).</summary>
    public static IServiceCollection AddL402(this IServiceCollection services)
    {
        services.AddOptions<L402Options>().BindConfiguration(L402Options.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<L402Options>, ValidateL402Options>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPostConfigureOptions<L402Options>, PostConfigureL402Options>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IL402TokenStore, SqliteL402TokenStore>();
        services.TryAddSingleton<L402Service>();
        return services;
    }
}
