using OllamaSharp;

namespace Timmy.Core.Router.Providers;

/// <summary><c>GET /api/tags</c>; available only when the configured model is present
/// (<c>llama3.2</c> matches <c>llama3.2:latest</c>).</summary>
public sealed class OllamaProbe(OllamaApiClient client, string? model) : IProviderProbe
{
    public async Task<ProviderProbeResult> ProbeAsync(CancellationToken cancellationToken = default)
    {
        var models = (await client.ListLocalModelsAsync(cancellationToken)).Select(m => m.Name).ToList();
        if (model is null)
        {
            return ProviderProbeResult.Ok($"ok: {models.Count} model(s)", models);
        }
        return models.Any(m => ModelNames.SameOllamaModel(m, model))
            ? ProviderProbeResult.Ok($"ok: {model} present", models)
            : new ProviderProbeResult(false, $"unavailable: model {model} is not pulled (run `ollama pull {model}`)", models);
    }
}
