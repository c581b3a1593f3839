namespace Timmy.Core.Lightning;

/// <summary>The BOLT11 currency prefix of each chain a node can report, so an invoice for another chain is refused
/// before the node is asked.</summary>
public static class LightningNetworks
{
    /// <summary>The prefix after "ln" (bc, tb, tbs, bcrt, sb), or null for a chain name we do not know.</summary>
    public static string? PrefixOf(string network) => network.ToLowerInvariant() switch
    {
        "bitcoin" or "mainnet" or "main" => "bc",
        "testnet" or "testnet3" or "testnet4" or "test" => "tb",
        "signet" => "tbs",
        "regtest" => "bcrt",
        "simnet" => "sb",
        _ => null,
    };
}
