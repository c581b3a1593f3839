using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Timmy.Core.Events;
using Timmy.Core.Security;
using Timmy.Core.Storage;
using EventLog = Timmy.Core.Events.EventLog;

namespace Timmy.Bench.Api;

/// <summary>A real API token for a running server, made by the product's own token service in the server's
/// data folder (as the settings page would), so the load runs through the ordinary bearer path.</summary>
public static class BenchToken
{
    public static async Task<string> CreateAsync(string dataDirectory, params string[] scopes)
    {
        var connections = new SqliteConnectionFactory(Options.Create(new StorageOptions { DataDirectory = dataDirectory }));
        await using var events = new EventLog(new SqliteEventStore(connections), new EventBus(), TimeProvider.System, NullLogger<EventLog>.Instance);
        var store = new SqliteAuthStore(connections, events);
        var tokens = new ApiTokenService(store, TimeProvider.System, new ApiTokenCache(TimeProvider.System), new TokenUseRecorder(store));
        return (await tokens.CreateAsync("api bench", scopes)).Secret;
    }
}
