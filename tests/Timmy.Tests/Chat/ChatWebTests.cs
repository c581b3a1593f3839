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

    /// <summary>While the fake Ollama holds Timmy's answer (<see cref="Router.Fakes.FakeReply.Held"/>), deletes
    /// the one conversation there is; returns its id.</summary>
    protected async Task<string> DeleteWhileHeldAsync()
    {
        var id = "";
        await Host.Ollama.WhileHeldAsync(async () =>
        {
            id = Assert.Single(await Host.Store.ListAsync(10, Ct)).Id;
            await Host.Store.DeleteAsync(id, Ct);
        });
        return id;
    }

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
