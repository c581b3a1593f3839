using System.Diagnostics.Metrics;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Timmy.Core.Router.Metrics;
using Timmy.Core.Router.Providers;
using Timmy.Core.Router.Providers.LlamaCpp;

namespace Timmy.Core.Router;

public static class RouterServiceCollectionExtensions
{
    /// <summary>The cascade router: options, provider factories, registry, <see cref="CascadeRouter"/> as the
    /// app's <see cref="IChatClient"/>, status/controls, the store and the background probe/flush service.
    /// Needs <c>AddStorage()</c> and <c>AddEvents()</c>.</summary>
    public static IServiceCollection AddRouter(this IServiceCollection services)
    {
        services.AddOptions<RouterOptions>().BindConfiguration(RouterOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<RouterOptions>, ValidateRouterOptions>();
        services.AddSingleton<IPostConfigureOptions<RouterOptions>, PostConfigureRouterOptions>();
        services.TryAddSingleton(RouterEnvironment.Process);
        services.TryAddSingleton(TimeProvider.System);
        services.AddMetrics();

        services.AddRouterProviderFactory(ProviderTypes.Ollama, (_, p) => OllamaProviderFactory.Create(p));
        services.AddRouterProviderFactory(ProviderTypes.OpenAi, (sp, p) => OpenAiProviderFactory.Create(p, sp.GetRequiredService<RouterEnvironment>()));
        services.AddRouterProviderFactory(ProviderTypes.Anthropic, (sp, p) => AnthropicProviderFactory.Create(p, sp.GetRequiredService<RouterEnvironment>()));
        services.AddRouterProviderFactory(ProviderTypes.LlamaCpp, (sp, p) => LlamaCppProviderFactory.Create(p, sp.GetRequiredService<ILogger<LlamaCppChatClient>>()));

        services.TryAddSingleton<IRouterStore, SqliteRouterStore>();
        services.AddSingleton<RouterEvents>();
        services.AddSingleton(sp =>
        {
            var meter = new RouterMeter(sp.GetRequiredService<IMeterFactory>());
            meter.ObserveCircuits(() => sp.GetRequiredService<ProviderRegistry>().All.Select(p =>
                new Measurement<int>((int)p.Breaker.State, new KeyValuePair<string, object?>("provider", p.Name))));
            return meter;
        });
        services.AddSingleton<ProviderRegistry>();
        services.AddSingleton<CascadeRouter>();
        services.AddSingleton<IChatClient>(sp => sp.GetRequiredService<CascadeRouter>());
        services.AddSingleton<RouterService>();
        services.AddHostedService<RouterBackgroundService>();
        return services;
    }

    /// <summary>Registers how providers of <paramref name="type"/> are built; a later registration for the
    /// same type replaces an earlier one.</summary>
    public static IServiceCollection AddRouterProviderFactory(
        this IServiceCollection services, string type, Func<IServiceProvider, ProviderOptions, ProviderClient> create)
    {
        services.AddSingleton(new ProviderFactoryRegistration(type, create));
        return services;
    }
}
