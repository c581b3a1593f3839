using Timmy.Core.Router.Providers.LlamaCpp;

namespace Timmy.Tests.LlamaCpp;

/// <summary>Lays out an Ollama model store on disk the way Ollama does (manifest + blob).</summary>
internal static class FakeStore
{
    /// <summary>Writes the manifest and, unless <paramref name="blob"/> is null, the blob; returns the blob path.</summary>
    public static string Add(string store, string model, string tag, string digest, byte[]? blob)
    {
        var manifest = OllamaModelStore.ManifestPath(store, model + ":" + tag);
        Directory.CreateDirectory(Path.GetDirectoryName(manifest)!);
        File.WriteAllText(manifest, OllamaModelStoreTests.Manifest(digest));
        var blobPath = Path.Combine(store, "blobs", OllamaModelStore.BlobFileName(digest)!);
        Directory.CreateDirectory(Path.GetDirectoryName(blobPath)!);
        if (blob is not null)
            File.WriteAllBytes(blobPath, blob);
        return blobPath;
    }
}
