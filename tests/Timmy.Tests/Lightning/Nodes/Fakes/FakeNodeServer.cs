using System.Net;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Timmy.Tests.Lightning.Nodes.Fakes;

/// <summary>A real Kestrel server on 127.0.0.1:0 (plain or with a given certificate) speaking one node's REST API
/// over a <see cref="FakeNodeBook"/>. It checks the node's credential header on every request and refuses a wrong
/// one the way that node does; <see cref="ForcedStatus"/> makes every answer one scripted error.</summary>
public abstract class FakeNodeServer : IAsyncDisposable
{
    private WebApplication? _app;

    public FakeNodeBook Book { get; } = new();

    public string BaseUrl { get; private set; } = "";

    /// <summary>When set, every request is answered with this status and <see cref="ForcedBody"/> (null: empty).</summary>
    public int? ForcedStatus { get; set; }

    public string? ForcedBody { get; set; }

    /// <summary>The credential this server accepts.</summary>
    public abstract string Credential { get; }

    /// <summary>The connection string for this server, with another credential when given.</summary>
    public abstract string ConnectionString(string? credential = null);

    public async Task StartAsync(X509Certificate2? certificate = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Services.Configure<HostOptions>(options => options.ShutdownTimeout = TimeSpan.FromSeconds(2));
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen =>
        {
            if (certificate is not null)
            {
                listen.UseHttps(certificate);
            }
        }));
        _app = builder.Build();
        _app.Use(async (context, next) =>
        {
            if (ForcedStatus is { } status)
            {
                context.Response.StatusCode = status;
                if (ForcedBody is not null)
                {
                    context.Response.ContentType = "application/json";
                    await context.Response.WriteAsync(ForcedBody);
                }
                return;
            }
            if (!await CheckCredentialAsync(context))
            {
                return;
            }
            await next(context);
        });
        Map(_app);
        await _app.StartAsync();
        BaseUrl = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
    }

    /// <summary>True to go on; otherwise the refusal has been written.</summary>
    protected abstract Task<bool> CheckCredentialAsync(HttpContext context);

    protected abstract void Map(WebApplication app);

    protected static async Task<JsonObject> ReadBodyAsync(HttpContext context)
    {
        if (context.Request.ContentLength == 0)
        {
            return [];
        }
        return (await JsonNode.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted))?.AsObject() ?? [];
    }

    /// <summary>A number that may come as JSON number or string (LND accepts both).</summary>
    protected static long ReadLong(JsonNode? node) => node switch
    {
        null => 0,
        JsonValue value when value.TryGetValue<long>(out var number) => number,
        JsonValue value when value.TryGetValue<string>(out var text) && long.TryParse(text, out var parsed) => parsed,
        _ => throw new FormatException("not a number: " + node.ToJsonString()),
    };

    protected static async Task WriteJsonAsync(HttpContext context, int status, object body)
    {
        context.Response.StatusCode = status;
        await context.Response.WriteAsJsonAsync(body, context.RequestAborted);
    }

    /// <summary>Holds a streamed answer open until the client goes away, as a node does for live updates.</summary>
    protected static async Task HoldOpenAsync(HttpContext context)
    {
        try
        {
            await Task.Delay(Timeout.Infinite, context.RequestAborted);
        }
        catch (OperationCanceledException)
        {
        }
    }

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
