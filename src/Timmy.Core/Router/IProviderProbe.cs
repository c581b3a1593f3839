namespace Timmy.Core.Router;

/// <summary>The one thing a router tier needs beyond <c>IChatClient</c>: a cheap check of whether it can
/// answer right now (server reachable, model present, library loadable).</summary>
public interface IProviderProbe
{
    Task<ProviderProbeResult> ProbeAsync(CancellationToken cancellationToken = default);
}
