using Microsoft.Extensions.AI;
using Timmy.Core.Memory.Embeddings;

namespace Timmy.Tests.Memory.Embeddings;

/// <summary>The no-weights fallback: stable across instances and processes, unit length, and closer for texts that
/// share words or spellings.</summary>
public sealed class HashingEmbeddingGeneratorTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Generate_IsDeterministicAcrossInstances()
    {
        var texts = new[] { "Paid the Lightning invoice", "Forge won the auction" };

        var first = await new HashingEmbeddingGenerator().GenerateAsync(texts, cancellationToken: Ct);
        var second = await new HashingEmbeddingGenerator().GenerateAsync(texts, cancellationToken: Ct);

        Assert.Equal(first.Select(e => e.Vector.ToArray()), second.Select(e => e.Vector.ToArray()));
        Assert.All(first, e => Vectors.AssertNormalised(e.Vector.ToArray(), 384));
    }

    [Fact]
    public void Embed_IsPinned_SoStoredVectorsStayComparable()
    {
        // "cat": the word and the 3-grams "<ca", "cat", "at>"; a change here is a new Id (hashing/v2), not a fix.
        var vector = HashingEmbeddingGenerator.Embed("cat");

        Assert.Equal(PinnedCat, vector.Select((v, i) => (i, v)).Where(p => p.v != 0).Select(p => (p.i, MathF.Round(p.v, 4))).ToArray());
    }

    private static readonly (int, float)[] PinnedCat = [(132, 0.5f), (154, 0.5f), (271, 0.5f), (325, 0.5f)];

    [Fact]
    public void SharedWords_ScoreHigherThanUnrelatedText()
    {
        var query = HashingEmbeddingGenerator.Embed("paid the lightning invoice");

        var shared = Vectors.Cosine(query, HashingEmbeddingGenerator.Embed("The Lightning invoice was paid"));
        var spelling = Vectors.Cosine(query, HashingEmbeddingGenerator.Embed("invoices paid over lightning"));
        var unrelated = Vectors.Cosine(query, HashingEmbeddingGenerator.Embed("a kitten sleeps on the rug"));

        Assert.True(shared > 0.8, $"shared words gave {shared}");
        Assert.True(spelling > unrelated + 0.3, $"shared spellings gave {spelling}, unrelated {unrelated}");
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ... !!")]
    public void TextWithoutWords_StillGetsAUnitVector(string text) => Vectors.AssertNormalised(HashingEmbeddingGenerator.Embed(text), 384);

    [Fact]
    public void Case_DoesNotMatter() => Assert.Equal(HashingEmbeddingGenerator.Embed("Lightning NETWORK"), HashingEmbeddingGenerator.Embed("lightning network"));

    [Fact]
    public void Info_SaysLexicalOnly()
    {
        var generator = new HashingEmbeddingGenerator();

        var info = generator.GetService<EmbedderInfo>()!;

        Assert.Equal(("hashing/v1", 384, true), (info.Id, info.Dimensions, info.LexicalOnly));
        Assert.Contains("lexical-only quality: matches shared words and spellings, not meaning", info.Description);
        Assert.Equal(384, generator.GetService<EmbeddingGeneratorMetadata>()!.DefaultModelDimensions);
    }
}
