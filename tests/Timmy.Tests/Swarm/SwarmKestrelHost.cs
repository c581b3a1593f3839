using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Timmy.Tests.Infrastructure;

namespace Timmy.Tests.Swarm;

/// <summary>The real host on Kestrel, listening on a loopback port the OS picks, for tests that must go over real HTTP
/// (a remote agent on another machine does). <see cref="CreateClient"/> gives a plain HttpClient for that address.</summary>
public sealed class SwarmKestrelHost : IAsyncDisposable
{
    private SwarmKestrelHost(TimmyWebFactory factory, Uri baseAddress)
    {
        Factory = factory;
        BaseAddress = baseAddress;
    }

    public TimmyWebFactory Factory { get; }

    public Uri BaseAddress { get; }

    public static SwarmKestrelHost Start(params (string Key, string Value)[] settings)
    {
        var factory = new TimmyWebFactory();
        foreach (var (key, value) in settings)
        {
            factory.Settings[key] = value;
        }
        factory.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        factory.StartServer();
        var address = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new SwarmKestrelHost(factory, new Uri(address));
    }

    /// <summary>A client of the real server that sends <paramref name="token"/> as its bearer token.</summary>
    public HttpClient CreateClient(string token)
    {
        var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public ValueTask DisposeAsync() => Factory.DisposeAsync();
}
