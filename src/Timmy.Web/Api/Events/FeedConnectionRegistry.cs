using System.Collections.Concurrent;
using System.Net;
using Microsoft.Extensions.Options;
using Timmy.Core.Events;

namespace Timmy.Web.Api.Events;

/// <summary>Tracks live WebSocket clients: enforces the per-address cap and cancels every session at
/// shutdown so each can send a proper close frame.</summary>
public sealed class FeedConnectionRegistry(IOptions<EventsOptions> options, IHostApplicationLifetime lifetime)
{
    private readonly ConcurrentDictionary<string, int> _perAddress = new();
    private int _total;

    public int Count => Volatile.Read(ref _total);

    public CancellationToken Stopping => lifetime.ApplicationStopping;

    /// <summary>Reserves a slot for <paramref name="address"/>; false when it already has the maximum.</summary>
    public bool TryEnter(IPAddress? address, out string key)
    {
        key = address?.ToString() ?? "unknown";
        var max = options.Value.MaxConnectionsPerAddress;
        while (true)
        {
            var current = _perAddress.GetOrAdd(key, 0);
            if (current >= max)
            {
                return false;
            }
            if (_perAddress.TryUpdate(key, current + 1, current))
            {
                Interlocked.Increment(ref _total);
                return true;
            }
        }
    }

    public void Leave(string key)
    {
        _perAddress.AddOrUpdate(key, 0, (_, n) => Math.Max(0, n - 1));
        Interlocked.Decrement(ref _total);
    }
}
