namespace Timmy.Core.Lightning.Nodes.CoreLightning.Models;

/// <summary>The <c>listpays</c> result.</summary>
internal sealed record ClnPayList
{
    public IReadOnlyList<ClnPay>? Pays { get; init; }
}
