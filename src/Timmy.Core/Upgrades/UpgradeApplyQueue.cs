using System.Threading.Channels;

namespace Timmy.Core.Upgrades;

/// <summary>Approved upgrades waiting for <see cref="UpgradeApplier"/>, one at a time, in the order they were approved.</summary>
public sealed class UpgradeApplyQueue
{
    private readonly Channel<string> _ids = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });

    public void Enqueue(string id) => _ids.Writer.TryWrite(id);

    internal ChannelReader<string> Reader => _ids.Reader;
}
