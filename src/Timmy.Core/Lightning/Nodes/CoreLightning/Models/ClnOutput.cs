namespace Timmy.Core.Lightning.Nodes.CoreLightning.Models;

/// <summary>One on-chain output of <c>listfunds</c>: status unconfirmed, confirmed or spent.</summary>
internal sealed record ClnOutput
{
    public long AmountMsat { get; init; }
    public string? Status { get; init; }
    public bool Reserved { get; init; }
}
