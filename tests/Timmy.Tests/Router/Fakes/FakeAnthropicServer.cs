using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Timmy.Tests.Router.Fakes;

/// <summary>Speaks Anthropic's Messages API: <c>GET /v1/models</c>, <c>POST /v1/messages</c> (one message, or
/// server-sent events message_start … content_block_delta … message_stop). Records the key each call sent.</summary>
public sealed class FakeAnthropicServer : LoopbackServer
{
    private readonly ConcurrentQueue<string> _keys = new();

    public string Model { get; set; } = "claude-test";

    /// <summary>The key each request carried, in order.</summary>
    public IReadOnlyList<string> KeysSeen => _keys.ToArray();

    public static async Task<FakeAnthropicServer> StartNewAsync()
    {
        var server = new FakeAnthropicServer();
        await server.StartAsync();
        return server;
    }

    protected override void Map(WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            // The API takes the key as x-api-key or as a bearer token (the SDK sends the latter).
            var bearer = context.Request.Headers.Authorization.ToString();
            _keys.Enqueue(bearer.StartsWith("Bearer ", StringComparison.Ordinal) ? bearer["Bearer ".Length..] : context.Request.Headers["x-api-key"].ToString());
            await next(context);
        });
        app.MapGet("/v1/models", () => Results.Json(new
        {
            data = new[] { new { id = Model, type = "model", display_name = "Fake Claude", created_at = "2026-01-01T00:00:00Z" } },
            has_more = false, first_id = Model, last_id = Model,
        }));
        app.MapPost("/v1/messages", MessagesAsync);
    }

    protected override object ErrorBody(string message) => new { type = "error", error = new { type = "api_error", message } };

    private async Task MessagesAsync(HttpContext context)
    {
        var (body, reply) = await AcceptAsync(context);
        if (await TryCommonAsync(context, reply))
        {
            return;
        }
        var model = (string?)body["model"] ?? Model;
        var usage = new { input_tokens = 3, output_tokens = Tokens(reply.Text).Count };
        if (body["stream"]?.GetValue<bool>() != true)
        {
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(Json(new
            {
                id = "msg_1", type = "message", role = "assistant", model,
                content = new[] { new { type = "text", text = reply.Text } },
                stop_reason = "end_turn", stop_sequence = (string?)null, usage,
            }));
            return;
        }
        context.Response.ContentType = "text/event-stream";
        await context.Response.WriteAsync(
            Event("message_start", new
            {
                type = "message_start",
                message = new { id = "msg_1", type = "message", role = "assistant", model, content = Array.Empty<object>(), stop_reason = (string?)null, stop_sequence = (string?)null, usage = new { input_tokens = 3, output_tokens = 1 } },
            })
            + Event("content_block_start", new { type = "content_block_start", index = 0, content_block = new { type = "text", text = "" } }));
        await StreamAsync(context, reply,
            token => Event("content_block_delta", new { type = "content_block_delta", index = 0, delta = new { type = "text_delta", text = token } }),
            Event("content_block_stop", new { type = "content_block_stop", index = 0 })
            + Event("message_delta", new { type = "message_delta", delta = new { stop_reason = "end_turn", stop_sequence = (string?)null }, usage = new { usage.output_tokens } })
            + Event("message_stop", new { type = "message_stop" }));
    }

    private static string Event(string name, object data) => $"event: {name}\ndata: {Json(data)}\n\n";
}
