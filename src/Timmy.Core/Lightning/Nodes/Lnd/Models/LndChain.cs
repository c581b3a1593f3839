namespace Timmy.Core.Lightning.Nodes.Lnd.Models;

/// <summary>One entry of getinfo's <c>chains</c>: chain "bitcoin", network "mainnet", "testnet", "signet" or "regtest".</summary>
internal sealed record LndChain
{
    public string? Chain { get; init; }
    public string? Network { get; init; }
}
