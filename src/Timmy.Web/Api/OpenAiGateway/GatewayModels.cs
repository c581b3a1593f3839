using Timmy.Core.Router;

namespace Timmy.Web.Api.OpenAiGateway;

/// <summary>What <c>model</c> means at the gateway. <see cref="Cascade"/> (or no model) is the whole cascade with
/// each provider's default model; a model a provider is configured with is asked of the providers that serve it,
/// the cascade still failing over to the others' defaults (the answer's <c>model</c> says which answered).</summary>
public static class GatewayModels
{
    public const string Cascade = "timmy";

    /// <summary>The cascade first, then each configured model once, owned by the first provider that serves it.</summary>
    public static ModelList List(IReadOnlyList<ProviderRuntime> providers, long created)
    {
        var entries = new List<ModelEntry> { new(Cascade, "model", created, Cascade) };
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { Cascade };
        foreach (var provider in providers)
        {
            foreach (var model in provider.Options.Models.Where(m => seen.Add(m.Name)))
            {
                entries.Add(new ModelEntry(model.Name, "model", created, provider.Name));
            }
        }
        return new ModelList("list", entries);
    }

    /// <summary>The model id to hand the router (null for the cascade's defaults), or why none serves it.</summary>
    public static (string? ModelId, string? Problem) Resolve(string? requested, IReadOnlyList<ProviderRuntime> providers)
    {
        if (string.IsNullOrWhiteSpace(requested) || string.Equals(requested, Cascade, StringComparison.OrdinalIgnoreCase))
        {
            return (null, null);
        }
        if (providers.Any(p => p.Serves(requested)))
        {
            return (requested, null);
        }
        var known = providers.SelectMany(p => p.Options.Models.Select(m => m.Name)).Distinct(StringComparer.OrdinalIgnoreCase).Prepend(Cascade);
        return (null, $"The model '{requested}' does not exist here. Models: {string.Join(", ", known)}.");
    }
}
