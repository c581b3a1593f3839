namespace Timmy.Core.Lightning.Nodes.CoreLightning.Models;

/// <summary>The <c>listfunds</c> result: on-chain outputs and our side of each channel.</summary>
internal sealed record ClnFunds
{
    public IReadOnlyList<ClnOutput>? Outputs { get; init; }
    public IReadOnlyList<ClnChannelFunds>? Channels { get; init; }
}
