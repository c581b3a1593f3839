using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;
using Timmy.Core.Security;
using Timmy.Core.Storage;

namespace Timmy.Web.Hosting;

/// <summary>Once the server listens: print where it is, where the data is, and the one-time sign-in link;
/// warn when bound to anything but loopback.</summary>
public sealed class StartupBanner(
    IHostApplicationLifetime lifetime,
    IServer server,
    IOptions<StorageOptions> storage,
    StartupSignInLink link,
    ILogger<StartupBanner> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(Print);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private void Print()
    {
        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses.ToList() ?? [];
        var url = addresses.FirstOrDefault() ?? TimmyHostDefaults.DefaultUrl;
        var browsable = url.Replace("://0.0.0.0", "://127.0.0.1").Replace("://[::]", "://127.0.0.1").Replace("://+", "://127.0.0.1");
        Console.WriteLine($"""

            Timmy Time {HealthEndpoints.Version} — Mission Control
              URL:       {string.Join(", ", addresses)}
              Data:      {Path.GetFullPath(storage.Value.DataDirectory)}
              Database:  {storage.Value.DatabasePath}
              Sign in:   {browsable.TrimEnd('/')}/auth/start?token={link.Token}
                         (one-time link; it stops working once used. Set TIMMY_ADMIN_PASSWORD for password sign-in.)

            """);
        foreach (var address in addresses.Where(a => !IsLoopback(a)))
        {
            logger.LogWarning(
                "Listening on {Address}, which is reachable from other machines. Timmy is meant for 127.0.0.1; " +
                "make sure a password is set and the network is trusted, or put TLS in front.", address);
        }
    }

    internal static bool IsLoopback(string address)
    {
        if (!Uri.TryCreate(address.Replace("://+", "://0.0.0.0").Replace("://*", "://0.0.0.0"), UriKind.Absolute, out var uri))
        {
            return false;
        }
        return uri.IsLoopback || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));
    }
}
