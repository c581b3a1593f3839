using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Timmy.Core.Chat;
using Timmy.Core.Security;
using Timmy.Tests.Router.Fakes;

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
            await Host.Factory.Service<TimmyAgent>().DeleteAsync(id, Ct);
        });
        return id;
    }

    /// <summary>Sends "first" to <paramref name="path"/> (a held answer), and while Timmy waits for it, "second" to
    /// the same conversation; returns both responses.</summary>
    protected async Task<(HttpResponseMessage First, HttpResponseMessage Second)> AskTwiceAtOnceAsync(string path)
    {
        Host.Ollama.Default = FakeReply.Held();
        var first = Api.PostAsJsonAsync(path, new { message = "first" }, Ct);
        HttpResponseMessage? second = null;
        await Host.Ollama.WhileHeldAsync(async () =>
        {
            var id = Assert.Single(await Host.Store.ListAsync(10, Ct)).Id;
            second = await Api.PostAsJsonAsync(path, new { message = "second", session_id = id }, Ct);
        });
        return (await first, second!);
    }

    /// <summary>A 409 ProblemDetails with this title and detail, naming the conversation.</summary>
    protected static async Task AssertConflictAsync(HttpResponseMessage response, string title, string detail, string sessionId)
    {
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var json = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal((title, detail, sessionId),
            (json.GetProperty("title").GetString(), json.GetProperty("detail").GetString(), json.GetProperty("session_id").GetString()));
    }

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
