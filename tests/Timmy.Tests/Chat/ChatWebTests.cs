using Timmy.Core.Security;

namespace Timmy.Tests.Chat;

/// <summary>Base for tests over HTTP against a fresh <see cref="ChatWebHost"/> per test.</summary>
public abstract class ChatWebTests : IAsyncLifetime
{
    protected ChatWebHost Host { get; private set; } = null!;

    /// <summary>An API client whose token holds only the chat scope.</summary>
    protected HttpClient Api { get; private set; } = null!;

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    public virtual async ValueTask InitializeAsync()
    {
        Host = await ChatWebHost.StartAsync();
        Api = await Host.Factory.CreateOwnerClientAsync(ApiScopes.Chat);
    }

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
