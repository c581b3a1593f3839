namespace Timmy.Core.Lightning.Nodes.CoreLightning.Models;

/// <summary>One channel of <c>listfunds</c>: our side of it and its state (CHANNELD_NORMAL when usable).</summary>
internal sealed record ClnChannelFunds
{
    public long OurAmountMsat { get; init; }
    public string? State { get; init; }
    public bool Connected { get; init; }
}
