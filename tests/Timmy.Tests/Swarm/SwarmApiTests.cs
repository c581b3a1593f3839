namespace Timmy.Tests.Swarm;

/// <summary>A test class of the swarm's API: each test gets its own host (the swarm over the loopback fake Ollama) and a
/// client with an all-powers token; <see cref="Settings"/> adds to the host's configuration.</summary>
public abstract class SwarmApiTests : IAsyncLifetime
{
    protected SwarmWebHost Host { get; private set; } = null!;

    protected HttpClient Owner { get; private set; } = null!;

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    protected virtual (string Key, string Value)[] Settings => [];

    public virtual async ValueTask InitializeAsync()
    {
        Host = await SwarmWebHost.StartAsync(Settings);
        Owner = await Host.Factory.CreateOwnerClientAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
