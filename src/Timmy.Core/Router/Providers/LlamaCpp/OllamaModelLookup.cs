namespace Timmy.Core.Router.Providers.LlamaCpp;

/// <summary>The outcome of looking a model up: the GGUF file's path, or why there is none (shown to the
/// owner as the tier's "unavailable" reason).</summary>
public sealed record OllamaModelLookup(string? ModelFile, string? FailureReason)
{
    public bool Found => ModelFile is not null;

    public static OllamaModelLookup At(string file) => new(file, null);

    public static OllamaModelLookup Missing(string reason) => new(null, reason);
}
