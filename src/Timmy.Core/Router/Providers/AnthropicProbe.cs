using Anthropic;

namespace Timmy.Core.Router.Providers;

/// <summary>Lists models: the API answers and accepts the key.</summary>
public sealed class AnthropicProbe(AnthropicClient client) : IProviderProbe
{
    public async Task<ProviderProbeResult> ProbeAsync(CancellationToken cancellationToken = default)
    {
        var page = await client.Models.List(cancellationToken: cancellationToken);
        var models = page.Items.Select(m => m.ID).ToList();
        return ProviderProbeResult.Ok($"ok: {models.Count} model(s)", models);
    }
}
