using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Timmy.Tests.Router.Fakes;

/// <summary>A real Kestrel server on 127.0.0.1:0 speaking one LLM API, scripted per chat request: replies
/// queued with <see cref="Enqueue"/> are used in order, then <see cref="Default"/>.</summary>
public abstract class LoopbackServer : IAsyncDisposable
{
    private readonly ConcurrentQueue<FakeReply> _script = new();
    private readonly ConcurrentQueue<JsonObject> _requests = new();
    private WebApplication? _app;
    private int _aborted;

    public FakeReply Default { get; set; } = FakeReply.Answer("hello from the fake");

    public string BaseUrl { get; private set; } = "";

    /// <summary>Chat requests received, in order (the parsed JSON bodies).</summary>
    public IReadOnlyList<JsonObject> Requests => _requests.ToArray();

    public int ChatRequests => _requests.Count;

    /// <summary>A drop after tokens waits for this, so the client has surely read those tokens first
    /// (a reset can discard data still unread in the client's socket buffer).</summary>
    public TaskCompletionSource ReleaseDrop { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>What a held reply waits for before it answers.</summary>
    public TaskCompletionSource ReleaseHeld { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Requests whose client went away before the server finished (cancellation reached the wire).</summary>
    public int AbortedRequests => Volatile.Read(ref _aborted);

    public void Enqueue(params FakeReply[] replies)
    {
        foreach (var reply in replies)
        {
            _script.Enqueue(reply);
        }
    }

    public async Task StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _app = builder.Build();
        Map(_app);
        await _app.StartAsync();
        BaseUrl = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
    }

    protected abstract void Map(WebApplication app);

    /// <summary>The API's error body shape.</summary>
    protected abstract object ErrorBody(string message);

    /// <summary>Reads the body, records it, picks the scripted reply.</summary>
    protected async Task<(JsonObject Body, FakeReply Reply)> AcceptAsync(HttpContext context)
    {
        var body = (await JsonNode.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted))!.AsObject();
        _requests.Enqueue(body);
        return (body, _script.TryDequeue(out var reply) ? reply : Default);
    }

    /// <summary>Handles the replies that are the same in every API; true when handled. A held reply waits
    /// here for its release, then goes on as an answer.</summary>
    protected async Task<bool> TryCommonAsync(HttpContext context, FakeReply reply)
    {
        switch (reply.Kind)
        {
            case FakeReplyKind.Error:
                context.Response.StatusCode = reply.Status;
                await context.Response.WriteAsJsonAsync(ErrorBody($"scripted {reply.Status}"));
                return true;
            case FakeReplyKind.Stall:
                try
                {
                    await Task.Delay(Timeout.Infinite, context.RequestAborted);
                }
                catch (OperationCanceledException)
                {
                    Interlocked.Increment(ref _aborted);
                }
                return true;
            case FakeReplyKind.Held:
                await ReleaseHeld.Task.WaitAsync(context.RequestAborted);
                return false;
            default:
                return false;
        }
    }

    /// <summary>Writes streamed chunks; for a drop, aborts the connection after the scripted number.</summary>
    protected async Task StreamAsync(HttpContext context, FakeReply reply, Func<string, string> chunk, string? end)
    {
        var tokens = Tokens(reply.Text);
        try
        {
            for (var i = 0; i < tokens.Count; i++)
            {
                if (reply.Kind == FakeReplyKind.Drop && i == reply.TokensBeforeDrop)
                {
                    if (i > 0)
                    {
                        await ReleaseDrop.Task.WaitAsync(context.RequestAborted);
                    }
                    context.Abort();
                    return;
                }
                await context.Response.WriteAsync(chunk(tokens[i]), context.RequestAborted);
                await context.Response.Body.FlushAsync(context.RequestAborted);
            }
            if (end is not null)
            {
                await context.Response.WriteAsync(end, context.RequestAborted);
            }
        }
        catch (OperationCanceledException)
        {
            Interlocked.Increment(ref _aborted);
        }
    }

    protected static List<string> Tokens(string text) =>
        text.Split(' ').Select((w, i) => i == 0 ? w : " " + w).ToList();

    protected static string Json(object value) => JsonSerializer.Serialize(value);

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
        GC.SuppressFinalize(this);
    }
}
