using OpenAI;

namespace Timmy.Core.Router.Providers;

/// <summary><c>GET /models</c>: the server answers and accepts the key. A missing model is reported in the
/// detail but does not make the provider unavailable (some compatible servers list none).</summary>
public sealed class OpenAiProbe(OpenAIClient client, string? model) : IProviderProbe
{
    public async Task<ProviderProbeResult> ProbeAsync(CancellationToken cancellationToken = default)
    {
        var result = await client.GetOpenAIModelClient().GetModelsAsync(cancellationToken);
        var models = result.Value.Select(m => m.Id).ToList();
        var listed = model is null || models.Count == 0 || models.Contains(model, StringComparer.OrdinalIgnoreCase);
        return ProviderProbeResult.Ok(listed ? $"ok: {model ?? "server"} reachable" : $"ok: server reachable, {model} not listed ({Lists(models)})", models);
    }

    /// <summary>What the server has, for an owner whose configured model is not among it (set OPENAI_MODEL to one).</summary>
    private static string Lists(IReadOnlyList<string> models) =>
        models.Count <= MaxNamed
            ? "it has: " + string.Join(", ", models)
            : $"it has: {string.Join(", ", models.Take(MaxNamed))} and {models.Count - MaxNamed} more";

    private const int MaxNamed = 10;
}
