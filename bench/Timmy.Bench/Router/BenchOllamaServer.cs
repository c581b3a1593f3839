using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Timmy.Bench.Router;

/// <summary>A minimal loopback server answering Ollama's non-streaming <c>/api/chat</c> with a fixed reply.</summary>
public sealed class BenchOllamaServer : IAsyncDisposable
{
    private const string Reply = """{"model":"llama3.2","created_at":"2026-01-01T00:00:00Z","message":{"role":"assistant","content":"pong"},"done":true,"done_reason":"stop","prompt_eval_count":3,"eval_count":1}""";
    private WebApplication _app = null!;

    public string BaseUrl { get; private set; } = "";

    public static async Task<BenchOllamaServer> StartAsync()
    {
        var server = new BenchOllamaServer();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        server._app = builder.Build();
        server._app.MapPost("/api/chat", async context =>
        {
            await context.Request.Body.CopyToAsync(Stream.Null);
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(Reply);
        });
        await server._app.StartAsync();
        server.BaseUrl = server._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return server;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
