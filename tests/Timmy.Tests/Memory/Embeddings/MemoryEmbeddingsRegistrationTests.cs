using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Timmy.Core.Memory.Embeddings;

namespace Timmy.Tests.Memory.Embeddings;

/// <summary><c>AddMemoryEmbeddings()</c> builds the configured embedder: MiniLM by default, the hashing one on request.</summary>
public sealed class MemoryEmbeddingsRegistrationTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static ServiceProvider Services(params (string Key, string Value)[] settings)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value)))
            .Build();
        return new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddMemoryEmbeddings().BuildServiceProvider();
    }

    [Fact]
    public async Task Default_IsMiniLm()
    {
        await using var services = Services(("Timmy:Memory:Embedder:Threads", "1"));
        var embedder = services.GetRequiredService<MemoryEmbedder>();

        var vectors = await embedder.EmbedAsync(["The cat sat on the mat", "A kitten is resting on a rug"], Ct);

        Assert.Null(embedder.Problem);
        Assert.Equal(("minilm/all-MiniLM-L6-v2", 384, false), (embedder.Info.Id, embedder.Info.Dimensions, embedder.Info.LexicalOnly));
        Assert.InRange(Vectors.Cosine(vectors[0], vectors[1]), 0.58, 0.64);
    }

    [Fact]
    public async Task KindHashing_IsTheLexicalFallback()
    {
        await using var services = Services(("Timmy:Memory:Embedder:Kind", "hashing"));
        var embedder = services.GetRequiredService<MemoryEmbedder>();

        var vectors = await embedder.EmbedAsync(["paid the invoice"], Ct);

        Assert.Equal(("hashing/v1", true), (embedder.Info.Id, embedder.Info.LexicalOnly));
        Assert.Equal(HashingEmbeddingGenerator.Embed("paid the invoice"), vectors[0]);
    }
}
