using System.Collections.Concurrent;
using System.Threading.Channels;

namespace Timmy.Core.Lightning.Nodes.Simulated;

/// <summary>
/// Tells watchers of a simulated node when one of its invoices settles. There is one feed per database (by its path,
/// <see cref="Storage.IDbConnectionFactory.Describe"/>) in this process, so a settlement made through any simulated
/// node object on that database (the payer's, or a second object for the same node) reaches every watcher. Another
/// process writing the same file is not heard; the simulated network lives in one process.
/// Each watcher has its own bounded channel (the oldest dropped when a watcher falls 1,000 behind), and is
/// registered the moment it is created, so nothing settled after that is missed.
/// </summary>
internal sealed class SimulatedSettlementFeed
{
    private const int Capacity = 1_000;
    private static readonly ConcurrentDictionary<string, SimulatedSettlementFeed> Feeds = new(StringComparer.Ordinal);

    private readonly Lock _gate = new();
    private readonly List<(string NodeName, Channel<NodeInvoice> Channel)> _watchers = [];

    public static SimulatedSettlementFeed For(string database) => Feeds.GetOrAdd(database, _ => new());

    public void Publish(string nodeName, NodeInvoice settled)
    {
        lock (_gate)
        {
            foreach (var watcher in _watchers.Where(w => w.NodeName == nodeName))
            {
                watcher.Channel.Writer.TryWrite(settled);
            }
        }
    }

    /// <summary>Registers a watcher of <paramref name="nodeName"/> now; enumerating the result reads what it hears,
    /// and ending the enumeration (or cancelling) unregisters it.</summary>
    public IAsyncEnumerable<NodeInvoice> Watch(string nodeName, CancellationToken cancellationToken)
    {
        var channel = Channel.CreateBounded<NodeInvoice>(new BoundedChannelOptions(Capacity) { FullMode = BoundedChannelFullMode.DropOldest });
        var watcher = (nodeName, channel);
        lock (_gate)
        {
            _watchers.Add(watcher);
        }
        var registration = cancellationToken.Register(() => Remove(watcher));
        return Read(watcher, registration, cancellationToken);
    }

    private async IAsyncEnumerable<NodeInvoice> Read(
        (string NodeName, Channel<NodeInvoice> Channel) watcher, CancellationTokenRegistration registration,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var settled in watcher.Channel.Reader.ReadAllAsync(cancellationToken))
            {
                yield return settled;
            }
        }
        finally
        {
            await registration.DisposeAsync();
            Remove(watcher);
        }
    }

    private void Remove((string NodeName, Channel<NodeInvoice> Channel) watcher)
    {
        lock (_gate)
        {
            _watchers.Remove(watcher);
        }
    }
}
