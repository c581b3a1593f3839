using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Timmy.Bench.Reporting;

namespace Timmy.Bench.Router;

/// <summary>A minimal loopback server answering Ollama's non-streaming <c>/api/chat</c> with a fixed reply at once, and
/// <c>/api/tags</c> (the router's health probe) with its one model.</summary>
public sealed class BenchOllamaServer : IAsyncDisposable
{
    private const string Tags = """{"models":[{"name":"llama3.2","model":"llama3.2","modified_at":"2026-01-01T00:00:00Z","size":1,"digest":"d"}]}""";
    private const string Reply = """{"model":"llama3.2","created_at":"2026-01-01T00:00:00Z","message":{"role":"assistant","content":"pong"},"done":true,"done_reason":"stop","prompt_eval_count":3,"eval_count":1}""";
    private WebApplication _app = null!;

    public string BaseUrl { get; private set; } = "";

    public static async Task<BenchOllamaServer> StartAsync()
    {
        var server = new BenchOllamaServer();
        string baseUrl;
        (server._app, baseUrl) = await LoopbackApp.StartAsync(app =>
        {
            app.MapGet("/api/tags", () => Results.Text(Tags, "application/json"));
            app.MapPost("/api/chat", async context =>
            {
                await context.Request.Body.CopyToAsync(Stream.Null);
                context.Response.ContentType = "application/json";
                await context.Response.WriteAsync(Reply);
            });
        });
        server.BaseUrl = baseUrl;
        return server;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
