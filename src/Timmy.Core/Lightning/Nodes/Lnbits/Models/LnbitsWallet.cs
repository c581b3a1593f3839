namespace Timmy.Core.Lightning.Nodes.Lnbits.Models;

/// <summary>GET /api/v1/wallet: the wallet's name and balance in msat.</summary>
internal sealed record LnbitsWallet
{
    public string? Id { get; init; }
    public string? Name { get; init; }
    public long Balance { get; init; }
}
