namespace Timmy.Core.Router.Providers.LlamaCpp;

/// <summary>Which GGUF file the tier should load: <see cref="LlamaCppSettings.ModelPath"/> when set,
/// else the weights of <see cref="LlamaCppSettings.OllamaModelName"/> in Ollama's local store.</summary>
public static class LlamaModelLocator
{
    public static OllamaModelLookup Find(LlamaCppSettings settings)
    {
        if (!string.IsNullOrWhiteSpace(settings.ModelPath))
            return File.Exists(settings.ModelPath)
                ? OllamaModelLookup.At(Path.GetFullPath(settings.ModelPath))
                : OllamaModelLookup.Missing($"no model file at {settings.ModelPath}");
        if (!string.IsNullOrWhiteSpace(settings.OllamaModelName))
            return OllamaModelStore.Resolve(settings.OllamaModelName, settings.OllamaModelsDirectory);
        return OllamaModelLookup.Missing("no model configured (set ModelPath to a GGUF file, or OllamaModelName)");
    }
}
