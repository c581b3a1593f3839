namespace Timmy.Core.Lightning.Nodes.CoreLightning.Models;

/// <summary>The <c>decode</c> result for a BOLT11 string, the field we use.</summary>
internal sealed record ClnDecoded
{
    public string? PaymentHash { get; init; }
}
