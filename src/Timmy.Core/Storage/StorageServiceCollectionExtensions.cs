using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Timmy.Core.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>The SQLite connection factory and the migrator.</summary>
    public static IServiceCollection AddStorage(this IServiceCollection services)
    {
        services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.SectionName);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<IDbConnectionFactory, SqliteConnectionFactory>();
        services.AddSingleton<Migrator>();
        return services;
    }
}
