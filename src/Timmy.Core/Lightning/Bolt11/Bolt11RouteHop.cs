using System.Globalization;

namespace Timmy.Core.Lightning.Bolt11;

/// <summary>One hop of a private route hint (<c>r</c>): the node at the start of the channel (hex, 33 bytes), the
/// channel, and what that node charges to forward over it.</summary>
public sealed record Bolt11RouteHop(
    string NodeId, ulong ShortChannelId, uint FeeBaseMsat, uint FeeProportionalMillionths, ushort CltvExpiryDelta)
{
    /// <summary>Bytes one hop takes in the field: key 33, channel 8, fees 4 + 4, CLTV delta 2.</summary>
    internal const int Size = 51;

    /// <summary>The channel as <c>block x transaction x output</c>, e.g. <c>589390x3312x1</c>.</summary>
    public string ShortChannelIdText => string.Create(
        CultureInfo.InvariantCulture, $"{ShortChannelId >> 40}x{(ShortChannelId >> 16) & 0xffffff}x{ShortChannelId & 0xffff}");
}
