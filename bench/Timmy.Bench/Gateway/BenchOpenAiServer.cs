using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Timmy.Bench.Reporting;

namespace Timmy.Bench.Gateway;

/// <summary>A minimal loopback server speaking OpenAI's API: <c>GET /v1/models</c> and a non-streaming
/// <c>POST /v1/chat/completions</c> with a fixed reply.</summary>
public sealed class BenchOpenAiServer : IAsyncDisposable
{
    public const string Model = "bench-model";
    private const string Reply = """{"id":"c1","object":"chat.completion","created":0,"model":"bench-model","choices":[{"index":0,"message":{"role":"assistant","content":"pong"},"finish_reason":"stop"}],"usage":{"prompt_tokens":3,"completion_tokens":1,"total_tokens":4}}""";
    private const string Models = """{"object":"list","data":[{"id":"bench-model","object":"model","created":0,"owned_by":"bench"}]}""";
    private WebApplication _app = null!;

    public string ApiBase { get; private set; } = "";

    public static async Task<BenchOpenAiServer> StartAsync()
    {
        var server = new BenchOpenAiServer();
        string baseUrl;
        (server._app, baseUrl) = await LoopbackApp.StartAsync(app =>
        {
            app.MapGet("/v1/models", () => Results.Text(Models, "application/json"));
            app.MapPost("/v1/chat/completions", async context =>
            {
                await context.Request.Body.CopyToAsync(Stream.Null);
                context.Response.ContentType = "application/json";
                await context.Response.WriteAsync(Reply);
            });
        });
        server.ApiBase = baseUrl + "/v1";
        return server;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
