using System.Text.Json;

namespace Timmy.Core.Router.Providers.LlamaCpp;

/// <summary>Finds the GGUF weights behind an Ollama model name in Ollama's on-disk store, without the
/// Ollama server: <c>manifests/registry.ollama.ai/library/&lt;name&gt;/&lt;tag&gt;</c> is a JSON manifest
/// whose layer of media type <c>application/vnd.ollama.image.model</c> names the blob by digest
/// (<c>sha256:abc…</c> is stored as <c>blobs/sha256-abc…</c>). Names may carry a namespace
/// (<c>user/model:tag</c>) or a registry host (<c>host/user/model:tag</c>) as Ollama allows.</summary>
public static class OllamaModelStore
{
    public const string ModelMediaType = "application/vnd.ollama.image.model";
    private const string DefaultRegistry = "registry.ollama.ai";
    private const string DefaultNamespace = "library";

    /// <summary>The store folder: the configured one, else <c>$OLLAMA_MODELS</c>, else <c>~/.ollama/models</c>.</summary>
    public static string DefaultDirectory(string? configured = null)
    {
        if (!string.IsNullOrWhiteSpace(configured))
            return configured;
        var fromEnvironment = Environment.GetEnvironmentVariable("OLLAMA_MODELS");
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
            return fromEnvironment;
        return Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".ollama", "models");
    }

    /// <summary>The manifest file that <paramref name="modelName"/> refers to (it need not exist).</summary>
    public static string ManifestPath(string modelsDirectory, string modelName)
    {
        var (registry, ns, model, tag) = Parse(modelName);
        return Path.Combine(modelsDirectory, "manifests", registry, ns, model, tag);
    }

    public static OllamaModelLookup Resolve(string modelName, string? modelsDirectory = null)
    {
        if (string.IsNullOrWhiteSpace(modelName))
            return OllamaModelLookup.Missing("no Ollama model name configured");
        if (!IsSafeName(modelName))
            return OllamaModelLookup.Missing($"'{modelName}' is not a valid Ollama model name");

        var directory = DefaultDirectory(modelsDirectory);
        var manifest = ManifestPath(directory, modelName);
        if (!File.Exists(manifest))
            return OllamaModelLookup.Missing($"no Ollama manifest for '{modelName}' at {manifest}");

        string? digest;
        try
        {
            digest = ReadModelDigest(File.ReadAllText(manifest));
        }
        catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException)
        {
            return OllamaModelLookup.Missing($"the Ollama manifest {manifest} could not be read: {e.Message}");
        }
        if (digest is null)
            return OllamaModelLookup.Missing($"the Ollama manifest {manifest} has no '{ModelMediaType}' layer");

        var blobName = BlobFileName(digest);
        if (blobName is null)
            return OllamaModelLookup.Missing($"the Ollama manifest {manifest} has a malformed model digest '{digest}'");

        var blob = Path.Combine(directory, "blobs", blobName);
        return File.Exists(blob)
            ? OllamaModelLookup.At(blob)
            : OllamaModelLookup.Missing($"the Ollama manifest {manifest} points at {blob}, which does not exist");
    }

    /// <summary>The digest of the model layer in a manifest's JSON, or null when there is none.</summary>
    public static string? ReadModelDigest(string manifestJson)
    {
        using var document = JsonDocument.Parse(manifestJson);
        if (!document.RootElement.TryGetProperty("layers", out var layers) || layers.ValueKind != JsonValueKind.Array)
            return null;
        foreach (var layer in layers.EnumerateArray())
        {
            if (layer.ValueKind == JsonValueKind.Object
                && layer.TryGetProperty("mediaType", out var mediaType) && mediaType.ValueEquals(ModelMediaType)
                && layer.TryGetProperty("digest", out var digest) && digest.ValueKind == JsonValueKind.String)
                return digest.GetString();
        }
        return null;
    }

    /// <summary><c>sha256:abc</c> → <c>sha256-abc</c>; null unless the digest is algorithm:hex.</summary>
    public static string? BlobFileName(string digest)
    {
        var colon = digest.IndexOf(':');
        if (colon <= 0 || colon == digest.Length - 1)
            return null;
        var algorithm = digest[..colon];
        var hex = digest[(colon + 1)..];
        if (!algorithm.All(char.IsAsciiLetterOrDigit) || !hex.All(char.IsAsciiHexDigit))
            return null;
        return algorithm + "-" + hex;
    }

    private static (string Registry, string Namespace, string Model, string Tag) Parse(string modelName)
    {
        var name = modelName.Trim();
        var tag = "latest";
        var lastSlash = name.LastIndexOf('/');
        var colon = name.LastIndexOf(':');
        if (colon > lastSlash)
        {
            tag = name[(colon + 1)..];
            name = name[..colon];
        }
        var parts = name.Split('/');
        return parts.Length switch
        {
            1 => (DefaultRegistry, DefaultNamespace, parts[0], tag),
            2 => (DefaultRegistry, parts[0], parts[1], tag),
            _ => (parts[^3], parts[^2], parts[^1], tag),
        };
    }

    // Names come from configuration, but they still become paths: refuse anything that could climb out.
    private static bool IsSafeName(string modelName) =>
        modelName.Split('/', ':').All(part => part.Length > 0 && part != "." && part != ".."
            && part.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_'));
}
