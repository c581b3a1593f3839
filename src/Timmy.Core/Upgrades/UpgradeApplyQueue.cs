using System.Threading.Channels;

namespace Timmy.Core.Upgrades;

/// <summary>Approved upgrades waiting for <see cref="UpgradeApplier"/>, one at a time, in the order they were approved.
/// The queue opens (<see cref="Opened"/>) once start-up recovery has dealt with what the last run left behind, so no
/// apply or self-modify worktree is made while recovery is still pruning stray ones.</summary>
public sealed class UpgradeApplyQueue
{
    private readonly Channel<string> _ids = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });
    private readonly TaskCompletionSource _opened = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Enqueue(string id) => _ids.Writer.TryWrite(id);

    /// <summary>Completes when start-up recovery has run.</summary>
    public Task Opened => _opened.Task;

    public void Open() => _opened.TrySetResult();

    internal ChannelReader<string> Reader => _ids.Reader;
}
