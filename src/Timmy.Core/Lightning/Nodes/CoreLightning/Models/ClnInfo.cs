namespace Timmy.Core.Lightning.Nodes.CoreLightning.Models;

/// <summary>The <c>getinfo</c> result, the fields we use; network is bitcoin, testnet, signet or regtest.</summary>
internal sealed record ClnInfo
{
    public string? Id { get; init; }
    public string? Alias { get; init; }
    public string? Network { get; init; }
    public long? Blockheight { get; init; }
    public int? NumActiveChannels { get; init; }
}
