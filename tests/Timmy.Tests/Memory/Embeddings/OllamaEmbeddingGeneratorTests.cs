using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.AI;
using Timmy.Core.Memory.Embeddings;
using Timmy.Tests.Infrastructure;
using Timmy.Tests.Router.Fakes;

namespace Timmy.Tests.Memory.Embeddings;

/// <summary>Ollama's <c>/api/embed</c> through OllamaSharp, against a loopback fake: vectors normalised, dimension
/// learned from the first answer, and a server that cannot answer is "unavailable", not a crash.</summary>
public sealed class OllamaEmbeddingGeneratorTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static float[] Normalised(string text)
    {
        var raw = FakeOllamaServer.EmbeddingOf(text);
        var norm = (float)Math.Sqrt(raw.Sum(x => (double)x * x));
        return raw.Select(x => x / norm).ToArray();
    }

    [Fact]
    public async Task Generate_NormalisesVectors_AndLearnsTheDimension()
    {
        await using var server = await FakeOllamaServer.StartNewAsync();
        using var generator = new OllamaEmbeddingGenerator(server.BaseUrl, "nomic-embed-text");
        Assert.Equal(0, generator.Info.Dimensions);

        var embeddings = await generator.GenerateAsync(["hello", "lightning"], cancellationToken: Ct);

        Vectors.AssertClose(Normalised("hello"), embeddings[0].Vector.ToArray(), 1e-6);
        Vectors.AssertClose(Normalised("lightning"), embeddings[1].Vector.ToArray(), 1e-6);
        Assert.Equal(("ollama/nomic-embed-text", 8), (generator.Info.Id, generator.Info.Dimensions));
        Assert.Equal("nomic-embed-text", (string?)server.Requests.Single()["model"]);
        var metadata = generator.GetService<EmbeddingGeneratorMetadata>()!;
        Assert.Equal(("ollama", "nomic-embed-text", 8), (metadata.ProviderName, metadata.DefaultModelId, metadata.DefaultModelDimensions));
    }

    [Fact]
    public async Task UnreachableServer_IsUnavailable()
    {
        using var generator = new OllamaEmbeddingGenerator($"http://127.0.0.1:{ClosedPort()}", "nomic-embed-text");

        var refused = await Assert.ThrowsAsync<EmbedderUnavailableException>(() => generator.GenerateAsync(["hello"], cancellationToken: Ct));

        Assert.StartsWith("Ollama at http://127.0.0.1:", refused.Message);
        Assert.Contains("could not embed with the model 'nomic-embed-text'", refused.Message);
    }

    [Fact]
    public async Task ServerError_IsUnavailable()
    {
        await using var server = await FakeOllamaServer.StartNewAsync();
        server.Enqueue(FakeReply.Error(500));
        using var generator = new OllamaEmbeddingGenerator(server.BaseUrl, "nomic-embed-text");

        await Assert.ThrowsAsync<EmbedderUnavailableException>(() => generator.GenerateAsync(["hello"], cancellationToken: Ct));
    }

    [Fact]
    public async Task MemoryEmbedder_ProbesOllamaAtStart_ForItsDimension()
    {
        await using var server = await FakeOllamaServer.StartNewAsync();
        var options = new EmbedderOptions { Kind = EmbedderKinds.Ollama, OllamaUrl = server.BaseUrl };

        await using var embedder = new MemoryEmbedder(EmbedderFactory.Create(options).Generator, options);

        await Eventually.TrueAsync(() => Task.FromResult(embedder.Info.Dimensions == 8), "the start-up probe learns the dimension");
        Vectors.AssertNormalised((await embedder.EmbedAsync(["hello"], Ct))[0], 8);
    }

    private static int ClosedPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
