namespace Timmy.Core.Lightning.Nodes;

/// <summary>The <c>type=</c> values a <see cref="LightningConnectionString"/> may name, which are also
/// <see cref="ILightningNode.Kind"/>.</summary>
public static class LightningNodeKind
{
    public const string LndRest = "lnd-rest";
    public const string CoreLightningRest = "clightning-rest";
    public const string Lnbits = "lnbits";
    public const string Simulated = "simulated";

    public static IReadOnlyList<string> All { get; } = [LndRest, CoreLightningRest, Lnbits, Simulated];
}
