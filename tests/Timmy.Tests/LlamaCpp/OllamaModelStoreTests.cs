using Timmy.Core.Router.Providers.LlamaCpp;

namespace Timmy.Tests.LlamaCpp;

public sealed class OllamaModelStoreTests : IDisposable
{
    private const string Digest = "sha256:6a0746a1ec1aef3e7ec53868f220ff6e389f6f8ef87a01d77c96807de94ca2aa";
    private readonly string store = Directory.CreateTempSubdirectory("timmy-ollama-store-").FullName;

    public void Dispose() => Directory.Delete(store, recursive: true);

    [Fact]
    public void ReadModelDigest_ManifestWithSeveralLayers_TakesTheModelLayer()
    {
        var digest = OllamaModelStore.ReadModelDigest(Manifest(Digest));

        Assert.Equal(Digest, digest);
    }

    [Fact]
    public void ReadModelDigest_NoModelLayer_ReturnsNull()
    {
        Assert.Null(OllamaModelStore.ReadModelDigest("""{"layers":[{"mediaType":"application/vnd.ollama.image.license","digest":"sha256:00"}]}"""));
        Assert.Null(OllamaModelStore.ReadModelDigest("""{"schemaVersion":2}"""));
    }

    [Theory]
    [InlineData("sha256:abc123", "sha256-abc123")]
    [InlineData("sha256:", null)]
    [InlineData("abc123", null)]
    [InlineData("sha256:../../etc", null)]
    public void BlobFileName_Digest_MapsToBlobName(string digest, string? expected)
    {
        Assert.Equal(expected, OllamaModelStore.BlobFileName(digest));
    }

    [Theory]
    [InlineData("llama3.2", "registry.ollama.ai/library/llama3.2/latest")]
    [InlineData("llama3.2:latest", "registry.ollama.ai/library/llama3.2/latest")]
    [InlineData("llama3.2:1b", "registry.ollama.ai/library/llama3.2/1b")]
    [InlineData("someone/tiny:q4", "registry.ollama.ai/someone/tiny/q4")]
    [InlineData("example.com/someone/tiny", "example.com/someone/tiny/latest")]
    public void ManifestPath_Name_FollowsOllamasLayout(string name, string expected)
    {
        var path = OllamaModelStore.ManifestPath("/models", name);

        Assert.Equal(Path.Combine("/models", "manifests", expected), path);
    }

    [Theory]
    [InlineData("llama3.2")]
    [InlineData("llama3.2:latest")]
    public void Resolve_FakeStore_FindsTheModelBlob(string name)
    {
        var blob = FakeStore.Add(store, "llama3.2", "latest", Digest, "GGUF"u8.ToArray());

        var lookup = OllamaModelStore.Resolve(name, store);

        Assert.True(lookup.Found, lookup.FailureReason);
        Assert.Equal(blob, lookup.ModelFile);
        Assert.Equal("sha256-" + Digest[7..], Path.GetFileName(lookup.ModelFile));
    }

    [Fact]
    public void Resolve_NoManifest_SaysWhichManifestItLookedFor()
    {
        var lookup = OllamaModelStore.Resolve("mistral:7b", store);

        Assert.False(lookup.Found);
        Assert.Contains(Path.Combine(store, "manifests", "registry.ollama.ai", "library", "mistral", "7b"), lookup.FailureReason);
    }

    [Fact]
    public void Resolve_ManifestButNoBlob_NamesTheMissingBlob()
    {
        FakeStore.Add(store, "llama3.2", "latest", Digest, blob: null);

        var lookup = OllamaModelStore.Resolve("llama3.2", store);

        Assert.False(lookup.Found);
        Assert.Contains(Path.Combine(store, "blobs", "sha256-" + Digest[7..]), lookup.FailureReason);
    }

    [Fact]
    public void Resolve_BrokenManifest_SaysItCouldNotBeRead()
    {
        var manifest = OllamaModelStore.ManifestPath(store, "llama3.2");
        Directory.CreateDirectory(Path.GetDirectoryName(manifest)!);
        File.WriteAllText(manifest, "{not json");

        var lookup = OllamaModelStore.Resolve("llama3.2", store);

        Assert.False(lookup.Found);
        Assert.Contains("could not be read", lookup.FailureReason);
    }

    [Theory]
    [InlineData("../../etc/passwd")]
    [InlineData("llama3.2:..")]
    [InlineData("")]
    public void Resolve_UnsafeOrEmptyName_IsRefusedWithoutTouchingTheDisk(string name)
    {
        var lookup = OllamaModelStore.Resolve(name, store);

        Assert.False(lookup.Found);
        Assert.NotNull(lookup.FailureReason);
    }

    [Fact]
    public void DefaultDirectory_Configured_WinsOverEnvironment()
    {
        Assert.Equal("/srv/ollama", OllamaModelStore.DefaultDirectory("/srv/ollama"));
    }

    internal static string Manifest(string modelDigest) => $$"""
        {"schemaVersion":2,"mediaType":"application/vnd.docker.distribution.manifest.v2+json",
         "config":{"mediaType":"application/vnd.docker.container.image.v1+json","digest":"sha256:34bb","size":561},
         "layers":[
           {"mediaType":"application/vnd.ollama.image.license","digest":"sha256:a70f","size":7711},
           {"mediaType":"application/vnd.ollama.image.model","digest":"{{modelDigest}}","size":2019377376},
           {"mediaType":"application/vnd.ollama.image.template","digest":"sha256:966d","size":1429}]}
        """;
}
