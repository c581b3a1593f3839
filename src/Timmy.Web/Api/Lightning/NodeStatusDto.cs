using Timmy.Core.Lightning;

namespace Timmy.Web.Api.Lightning;

/// <summary>The node: its kind (SIMULATED when it is the embedded one), whether it answered, who it is and what it holds.</summary>
public sealed record NodeStatusDto(
    string Kind, bool Simulated, bool Reachable, string? NodeId, string? Alias, string? Network, long? BlockHeight, int? ActiveChannels,
    long? LightningSats, long? OnchainSats, string? Error, DateTimeOffset CheckedAt)
{
    public static NodeStatusDto From(NodeStatusReport r) => new(
        r.Kind, r.IsSimulated, r.Reachable, r.Info?.NodeId, r.Info?.Alias, r.Info?.Network, r.Info?.BlockHeight, r.Info?.ActiveChannels,
        r.Balance is { } b ? b.LightningMsat / 1000 : null, r.Balance?.OnchainSats, r.Error, r.CheckedAt);
}
