using System.Net.Http.Json;
using Timmy.Core.Memory;
using Timmy.Tests.Infrastructure;
using Timmy.Tests.Swarm;

namespace Timmy.Tests.Memory.Api;

/// <summary>A test class of the memory's API: each test gets its own host (hashing embedder) and a client with an
/// all-powers token; <see cref="Settings"/> adds to the host's configuration.</summary>
public abstract class MemoryApiTests : IAsyncLifetime
{
    protected TimmyWebFactory Factory { get; private set; } = null!;

    protected HttpClient Owner { get; private set; } = null!;

    protected MemoryService Memory => Factory.Service<MemoryService>();

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    protected virtual (string Key, string Value)[] Settings => [];

    public async ValueTask InitializeAsync()
    {
        Factory = new TimmyWebFactory();
        foreach (var (key, value) in Settings)
        {
            Factory.Settings[key] = value;
        }
        Owner = await Factory.CreateOwnerClientAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await Factory.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    /// <summary>Stores an entry through the API; returns its id.</summary>
    protected async Task<string> StoreAsync(string content, string type = MemoryContextTypes.Conversation, string? session = null)
    {
        var response = await Owner.PostAsJsonAsync("/api/v1/memory", new { content, context_type = type, session_id = session }, Ct);
        return (await response.BodyAsync()).GetProperty("id").GetString()!;
    }

    protected async Task<long> CountAsync() => (await Memory.StatusAsync(Ct)).Stats.Total;
}
