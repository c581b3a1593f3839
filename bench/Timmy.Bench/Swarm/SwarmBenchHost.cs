using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Timmy.Core.Events;
using Timmy.Core.Router;
using Timmy.Core.Storage;
using Timmy.Core.Swarm;
using Timmy.Core.Swarm.Agents;
using Timmy.Core.Swarm.Personas;

namespace Timmy.Bench.Swarm;

/// <summary>The server's swarm in process: the services the web host registers for it (storage, events, router,
/// swarm) and their start-up services, on a fresh SQLite data folder, with one Ollama provider (the loopback fake),
/// a zero auction and every persona spawned. Write transactions are counted by <see cref="CountingConnectionFactory"/>.</summary>
public sealed class SwarmBenchHost : IAsyncDisposable
{
    private readonly IHost _host;
    private readonly string _dataDirectory;

    private SwarmBenchHost(IHost host, string dataDirectory)
    {
        _host = host;
        _dataDirectory = dataDirectory;
    }

    public IServiceProvider Services => _host.Services;

    public CountingConnectionFactory Writes => Services.GetRequiredService<CountingConnectionFactory>();

    public static async Task<SwarmBenchHost> StartAsync(string ollamaUrl, int maxTasksPerAgent)
    {
        var dataDirectory = Directory.CreateTempSubdirectory("timmy-bench-swarm-").FullName;
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Timmy:Storage:DataDirectory"] = dataDirectory,
            ["Timmy:Router:Providers:0:Name"] = "ollama",
            ["Timmy:Router:Providers:0:Type"] = ProviderTypes.Ollama,
            ["Timmy:Router:Providers:0:Url"] = ollamaUrl,
            ["Timmy:Router:Providers:0:Models:0:Name"] = "llama3.2",
            ["Timmy:Swarm:AuctionSeconds"] = "0",
            ["Timmy:Swarm:MaxConcurrentTasksPerAgent"] = maxTasksPerAgent.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        builder.Logging.AddFilter(_ => false);
        builder.Services.AddStorage().AddEvents().AddRouter().AddSwarm();
        builder.Services.AddSingleton<SqliteConnectionFactory>();
        builder.Services.AddSingleton<CountingConnectionFactory>();
        builder.Services.Replace(ServiceDescriptor.Singleton<IDbConnectionFactory>(sp => sp.GetRequiredService<CountingConnectionFactory>()));
        var host = builder.Build();
        await host.Services.GetRequiredService<Migrator>().MigrateAsync();
        await host.StartAsync();
        var roster = host.Services.GetRequiredService<AgentRoster>();
        foreach (var persona in PersonaCatalog.All)
        {
            await roster.SpawnAsync(persona.Id, "bench");
        }
        return new SwarmBenchHost(host, dataDirectory);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        await ((IAsyncDisposable)_host).DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dataDirectory, recursive: true);
    }
}
