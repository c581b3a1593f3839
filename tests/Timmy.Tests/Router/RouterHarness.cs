using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Timmy.Core.Events;
using Timmy.Core.Router;
using Timmy.Core.Storage;

using Timmy.Tests.Infrastructure;

namespace Timmy.Tests.Router;

/// <summary>The router's real services over a SQLite file in a temp folder, with fake time and a fake
/// environment. Configure providers with <see cref="Set"/> before <see cref="StartAsync"/>.
/// Two harnesses given the same <see cref="DataDirectory"/> share the database (a "restart").</summary>
public sealed class RouterHarness : IAsyncDisposable
{
    private readonly Dictionary<string, string?> _config = new();
    private readonly List<Action<IServiceCollection>> _features = [];
    private ServiceProvider? _services;

    public RouterHarness(string? dataDirectory = null)
    {
        DataDirectory = dataDirectory ?? Path.Combine(Path.GetTempPath(), "timmy-router-" + Guid.NewGuid().ToString("N"));
        _config["Timmy:Storage:DataDirectory"] = DataDirectory;
        _config["Timmy:Router:RetryBaseDelay"] = "00:00:00";
    }

    public string DataDirectory { get; }
    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));
    public Dictionary<string, string> Environment { get; } = new();
    public IServiceProvider Services => _services ?? throw new InvalidOperationException("Call StartAsync first.");
    public CascadeRouter Router => Services.GetRequiredService<CascadeRouter>();
    public RouterService Control => Services.GetRequiredService<RouterService>();
    public ProviderRegistry Registry => Services.GetRequiredService<ProviderRegistry>();

    public RouterHarness Set(string key, string? value)
    {
        _config["Timmy:Router:" + key] = value;
        return this;
    }

    /// <summary>Sets any configuration key (a feature's settings).</summary>
    public RouterHarness Setting(string key, string? value)
    {
        _config[key] = value;
        return this;
    }

    /// <summary>Registers a feature built on the router (for example the chat agent) with the services.</summary>
    public RouterHarness With(Action<IServiceCollection> feature)
    {
        _features.Add(feature);
        return this;
    }

    /// <summary>Adds provider number <paramref name="index"/>.</summary>
    public RouterHarness Provider(int index, string name, string type, string? url, string? model, int priority, string? apiKeyEnv = null)
    {
        foreach (var (key, value) in RouterProviderSettings.For(index, name, type, url, model, priority, apiKeyEnv))
        {
            Set(key, value);
        }
        return this;
    }

    public RouterHarness Ollama(int index, string url, int priority = 1) => Provider(index, "ollama", "ollama", url, "llama3.2", priority);

    public RouterHarness OpenAi(int index, string url, int priority = 3)
    {
        Environment["FAKE_OPENAI_KEY"] = "sk-test-not-a-secret";
        return Provider(index, "openai", "openai", url, "gpt-test", priority, "FAKE_OPENAI_KEY");
    }

    public async Task<RouterHarness> StartAsync()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(_config).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton<TimeProvider>(Time);
        services.AddSingleton(new RouterEnvironment(name => Environment.GetValueOrDefault(name)));
        services.AddStorage();
        services.AddEvents();
        services.AddRouter();
        _features.ForEach(feature => feature(services));
        _services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
        await _services.GetRequiredService<Migrator>().MigrateAsync();
        await Control.InitializeAsync();
        return this;
    }

    public Task<ChatResponse> AskAsync(string? model = null) => AskUntilAsync(TestContext.Current.CancellationToken, model);

    public Task<ChatResponse> AskUntilAsync(CancellationToken cancellationToken, string? model = null) =>
        Router.GetResponseAsync([new ChatMessage(ChatRole.User, "hi")], new ChatOptions { ModelId = model }, cancellationToken);

    /// <summary>The stored events of one type, after the queued writes have landed.</summary>
    public async Task<IReadOnlyList<EventRecord>> EventsAsync(string type, int atLeast = 1)
    {
        var store = Services.GetRequiredService<IEventStore>();
        IReadOnlyList<EventRecord> found = [];
        await Eventually.TrueAsync(async () =>
        {
            found = (await store.ReadAfterAsync(0, 500)).Where(e => e.EventType == type).ToList();
            return found.Count >= atLeast;
        }, $"{atLeast} {type} event(s)");
        return found;
    }

    public async ValueTask DisposeAsync()
    {
        if (_services is not null)
        {
            await _services.DisposeAsync();
        }
    }

    /// <summary>Deletes the folder (call on the last harness over it).</summary>
    public void DeleteData()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(DataDirectory, true);
        }
        catch (IOException)
        {
            // best effort in a temp folder
        }
    }
}
