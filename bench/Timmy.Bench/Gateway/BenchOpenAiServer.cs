using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

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
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        server._app = builder.Build();
        server._app.MapGet("/v1/models", () => Results.Text(Models, "application/json"));
        server._app.MapPost("/v1/chat/completions", async context =>
        {
            await context.Request.Body.CopyToAsync(Stream.Null);
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(Reply);
        });
        await server._app.StartAsync();
        server.ApiBase = server._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/v1";
        return server;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
