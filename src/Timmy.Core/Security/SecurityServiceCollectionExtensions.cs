using Microsoft.Extensions.DependencyInjection;

namespace Timmy.Core.Security;

public static class SecurityServiceCollectionExtensions
{
    public static IServiceCollection AddSecurityCore(this IServiceCollection services)
    {
        services.AddSingleton<IAuthStore, SqliteAuthStore>();
        services.AddSingleton<ApiTokenCache>();
        services.AddSingleton<TokenUseRecorder>();
        services.AddHostedService<TokenUseFlushService>();
        services.AddSingleton<ApiTokenService>();
        services.AddSingleton<OwnerPasswordService>();
        services.AddSingleton<StartupSignInLink>();
        return services;
    }
}
