using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Timmy.Tests.Router.Fakes;

/// <summary>Speaks the Ollama API: <c>GET /api/tags</c>, <c>POST /api/chat</c> (NDJSON stream or one object, or a
/// tool call), <c>POST /api/embed</c> (<see cref="EmbeddingOf"/> for each input; scripted errors and stalls apply).</summary>
public sealed class FakeOllamaServer : LoopbackServer
{
    public List<string> Models { get; } = ["llama3.2:latest"];

    public bool TagsFail { get; set; }

    public static async Task<FakeOllamaServer> StartNewAsync()
    {
        var server = new FakeOllamaServer();
        await server.StartAsync();
        return server;
    }

    protected override void Map(WebApplication app)
    {
        app.MapGet("/api/tags", () => TagsFail
            ? Results.StatusCode(500)
            : Results.Json(new
            {
                models = Models.Select(m => new { name = m, model = m, modified_at = "2026-01-01T00:00:00Z", size = 1, digest = "d" }),
            }));
        app.MapPost("/api/chat", ChatAsync);
        app.MapPost("/api/embed", EmbedAsync);
    }

    /// <summary>The fake's embedding of a text: 8 numbers, not normalised, differing by length and first letter.</summary>
    public static float[] EmbeddingOf(string text) =>
        [text.Length, text.Length > 0 ? text[0] : 0, 3, 4, 5, 6, 7, 8];

    private async Task EmbedAsync(HttpContext context)
    {
        var (body, reply) = await AcceptAsync(context);
        if (await TryCommonAsync(context, reply))
        {
            return;
        }
        var input = body["input"];
        var texts = input is JsonArray array ? array.Select(t => (string)t!).ToList() : [(string)input!];
        await context.Response.WriteAsync(Json(new { model = (string?)body["model"] ?? "", embeddings = texts.Select(EmbeddingOf) }));
    }

    protected override object ErrorBody(string message) => new { error = message };

    private async Task ChatAsync(HttpContext context)
    {
        var (body, reply) = await AcceptAsync(context);
        if (await TryCommonAsync(context, reply))
        {
            return;
        }
        var model = (string?)body["model"] ?? "";
        if (reply.Kind == FakeReplyKind.ToolCall)
        {
            context.Response.ContentType = "application/x-ndjson";
            await context.Response.WriteAsync(Json(new
            {
                model, created_at = "2026-01-01T00:00:00Z", done = true, done_reason = "stop", prompt_eval_count = 7, eval_count = 5,
                message = new { role = "assistant", content = "", tool_calls = new[] { new { function = new { name = reply.Text, arguments = reply.Arguments } } } },
            }) + "\n");
            return;
        }
        if (body["stream"]?.GetValue<bool>() == false)
        {
            await context.Response.WriteAsync(Json(Message(model, reply.Text, done: true)));
            return;
        }
        context.Response.ContentType = "application/x-ndjson";
        await StreamAsync(context, reply, token => Json(Message(model, token, done: false)) + "\n", Json(Message(model, "", done: true)) + "\n");
    }

    private static object Message(string model, string content, bool done) => done
        ? new
        {
            model, created_at = "2026-01-01T00:00:00Z", message = new { role = "assistant", content }, done = true,
            done_reason = "stop", prompt_eval_count = 7, eval_count = 5,
        }
        : new { model, created_at = "2026-01-01T00:00:00Z", message = new { role = "assistant", content }, done = false };
}
