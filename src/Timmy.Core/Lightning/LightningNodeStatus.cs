using Timmy.Core.Lightning.Nodes;

namespace Timmy.Core.Lightning;

/// <summary>Asks the node who it is and what it holds, at most every <see cref="CacheFor"/> (pages and the API show it
/// often; the node need not be asked each time).</summary>
public sealed class LightningNodeStatus(ILightningNode node, TimeProvider time)
{
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(10);

    private NodeStatusReport? _last;

    public async Task<NodeStatusReport> GetAsync(bool refresh = false, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        if (!refresh && _last is { } last && now - last.CheckedAt < CacheFor)
        {
            return last;
        }
        try
        {
            var info = await node.GetInfoAsync(cancellationToken);
            var balance = await node.GetBalanceAsync(cancellationToken);
            return _last = new NodeStatusReport(node.Kind, node.IsSimulated, Reachable: true, now) { Info = info, Balance = balance };
        }
        catch (LightningNodeException ex)
        {
            return _last = new NodeStatusReport(node.Kind, node.IsSimulated, Reachable: false, now) { Error = ex.Message };
        }
    }
}
