using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Timmy.Core.Security;

namespace Timmy.Tests.Infrastructure;

/// <summary>The real host in process (TestServer), with its own data folder and optional settings.</summary>
public class TimmyWebFactory : WebApplicationFactory<Program>
{
    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("timmy-web-").FullName;

    public Dictionary<string, string?> Settings { get; } = new();

    public string DataDirectory => _dataDirectory;

    /// <summary>The owner's session cookie once <see cref="OwnerBrowserSession"/> has signed in.</summary>
    public string? OwnerCookie { get; set; }

    public SemaphoreSlim SignInLock { get; } = new(1, 1);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Timmy:Storage:DataDirectory", _dataDirectory);
        builder.UseSetting("OLLAMA_URL", "http://127.0.0.1:9");
        // The real MiniLM model costs a second and 100 MB per host; tests of the memory's meaning ask for it.
        builder.UseSetting("Timmy:Memory:Embedder:Kind", "hashing");
        // Learning facts through the model is a second model call after each answer, which would consume the fake
        // providers' scripted replies; the tests that learn facts turn it on.
        builder.UseSetting("Timmy:Memory:LearnFactsWithModel", "false");
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }
    }

    public T Service<T>() where T : notnull => Services.GetRequiredService<T>();

    /// <summary>An API token with the given scopes (default: everything).</summary>
    public async Task<string> CreateTokenAsync(params string[] scopes) =>
        (await Service<ApiTokenService>().CreateAsync("test", scopes.Length == 0 ? [ApiScopes.All] : scopes)).Secret;

    public async Task<HttpClient> CreateOwnerClientAsync(params string[] scopes)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await CreateTokenAsync(scopes));
        return client;
    }

    public HttpClient CreateAnonymousClient() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    public async Task<FeedTestClient> ConnectFeedAsync(string query = "", string? token = null)
    {
        token ??= await CreateTokenAsync(ApiScopes.EventsRead);
        var client = Server.CreateWebSocketClient();
        client.ConfigureRequest = request => request.Headers.Authorization = "Bearer " + token;
        var socket = await client.ConnectAsync(new Uri(Server.BaseAddress, "ws/events" + query), CancellationToken.None);
        return new FeedTestClient(socket);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
        GC.SuppressFinalize(this);
    }
}
