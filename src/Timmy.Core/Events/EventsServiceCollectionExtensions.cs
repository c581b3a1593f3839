using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Timmy.Core.Events;

public static class EventsServiceCollectionExtensions
{
    /// <summary>The event log, its reader, its store, the bus and the pruning service.</summary>
    public static IServiceCollection AddEvents(this IServiceCollection services)
    {
        services.AddOptions<EventsOptions>().BindConfiguration(EventsOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<EventsOptions>, ValidateEventsOptions>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<IEventStore, SqliteEventStore>();
        services.AddSingleton<EventBus>();
        services.AddSingleton<IEventBus>(sp => sp.GetRequiredService<EventBus>());
        services.AddSingleton<EventLog>();
        services.AddSingleton<IEventLog>(sp => sp.GetRequiredService<EventLog>());
        services.AddSingleton<EventBatchLog>();
        services.AddSingleton<EventReader>();
        services.AddSingleton<EventPruningService>();
        services.AddHostedService(sp => sp.GetRequiredService<EventPruningService>());
        return services;
    }
}
