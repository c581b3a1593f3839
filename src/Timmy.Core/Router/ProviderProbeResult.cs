namespace Timmy.Core.Router;

/// <summary>What a provider's availability probe found. <see cref="Detail"/> is shown to the owner,
/// e.g. "unavailable: no model file at /models/x.gguf" or "ok: llama3.2 present".</summary>
public sealed record ProviderProbeResult(bool Available, string Detail, IReadOnlyList<string>? Models = null)
{
    public static ProviderProbeResult Ok(string detail, IReadOnlyList<string>? models = null) => new(true, detail, models);

    public static ProviderProbeResult Unavailable(string reason) => new(false, "unavailable: " + reason);
}
