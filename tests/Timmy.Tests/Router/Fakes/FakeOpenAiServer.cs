using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Timmy.Tests.Router.Fakes;

/// <summary>Speaks OpenAI chat-completions under <c>/v1</c>: <c>GET /v1/models</c>, <c>POST /v1/chat/completions</c>
/// (one object, or server-sent events ending with <c>[DONE]</c>).</summary>
public sealed class FakeOpenAiServer : LoopbackServer
{
    public string Model { get; set; } = "gpt-test";

    public string ApiBase => BaseUrl + "/v1";

    public static async Task<FakeOpenAiServer> StartNewAsync()
    {
        var server = new FakeOpenAiServer();
        await server.StartAsync();
        return server;
    }

    protected override void Map(WebApplication app)
    {
        app.MapGet("/v1/models", () => Results.Json(new { @object = "list", data = new[] { new { id = Model, @object = "model", created = 0, owned_by = "fake" } } }));
        app.MapPost("/v1/chat/completions", ChatAsync);
    }

    protected override object ErrorBody(string message) => new { error = new { message, type = "fake", code = (string?)null } };

    private async Task ChatAsync(HttpContext context)
    {
        var (body, reply) = await AcceptAsync(context);
        if (await TryCommonAsync(context, reply))
        {
            return;
        }
        var model = (string?)body["model"] ?? Model;
        if (body["stream"]?.GetValue<bool>() != true)
        {
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(Json(new
            {
                id = "c1", @object = "chat.completion", created = 0, model,
                choices = new[] { new { index = 0, message = new { role = "assistant", content = reply.Text }, finish_reason = "stop" } },
                usage = new { prompt_tokens = 3, completion_tokens = 2, total_tokens = 5 },
            }));
            return;
        }
        context.Response.ContentType = "text/event-stream";
        await StreamAsync(context, reply, token => "data: " + Json(new
        {
            id = "c1", @object = "chat.completion.chunk", created = 0, model,
            choices = new[] { new { index = 0, delta = new { content = token }, finish_reason = (string?)null } },
        }) + "\n\n", "data: [DONE]\n\n");
    }
}
