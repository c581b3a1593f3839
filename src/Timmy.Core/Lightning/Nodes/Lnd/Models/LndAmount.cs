namespace Timmy.Core.Lightning.Nodes.Lnd.Models;

/// <summary>lnrpc.Amount: the same figure in sats and milli-sats.</summary>
internal sealed record LndAmount
{
    public long Sat { get; init; }
    public long Msat { get; init; }
}
