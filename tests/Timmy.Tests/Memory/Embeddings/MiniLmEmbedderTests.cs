using Microsoft.Extensions.AI;
using Timmy.Core.Memory.Embeddings;

namespace Timmy.Tests.Memory.Embeddings;

/// <summary>The real all-MiniLM-L6-v2 from the package: meaning beats shared words, vectors are unit length and
/// repeatable, and a batch gives what one-by-one calls give.</summary>
public sealed class MiniLmEmbedderTests(MiniLmFixture miniLm) : IClassFixture<MiniLmFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void Cosine_MatchesTheReferenceModel()
    {
        var cat = miniLm.Embed("The cat sat on the mat");

        Assert.InRange(Vectors.Cosine(cat, miniLm.Embed("A kitten is resting on a rug")), 0.58, 0.64);
        Assert.InRange(Vectors.Cosine(cat, miniLm.Embed("Bitcoin Lightning invoices settle instantly")), -0.03, 0.07);
    }

    [Theory]
    [InlineData("How do I pay with Lightning?", "Settling a BOLT11 invoice over the Lightning Network", "Lightning struck the old oak tree in the storm")]
    [InlineData("My laptop will not start", "The computer does not boot when I press the power button", "Start the laptop sale on Monday")]
    [InlineData("How much money do I have?", "Your wallet balance is 21,000 sats", "The money tree in the garden has new leaves")]
    [InlineData("Schedule a meeting for tomorrow", "Book an appointment on the calendar for the next day", "The meeting of two rivers is beautiful tomorrow")]
    [InlineData("I feel sick and have a fever", "Flu symptoms include a high temperature and nausea", "The fever of the football crowd was contagious")]
    public void SemanticNeighbour_RanksAboveLexicalDecoy(string query, string neighbour, string decoy)
    {
        var q = miniLm.Embed(query);

        Assert.True(Vectors.Cosine(q, miniLm.Embed(neighbour)) > Vectors.Cosine(q, miniLm.Embed(decoy)),
            $"'{neighbour}' should rank above '{decoy}' for '{query}'");
    }

    [Fact]
    public async Task Generate_GivesUnitVectorsOf384_AndTheSameTextTheSameVector()
    {
        var texts = new[] { "Timmy remembers the owner's preferences", "", "Timmy remembers the owner's preferences" };

        var embeddings = await miniLm.Encoder.GenerateAsync(texts, cancellationToken: Ct);

        Assert.All(embeddings, e => Vectors.AssertNormalised(e.Vector.ToArray(), 384));
        Assert.Equal(embeddings[0].Vector.ToArray(), embeddings[2].Vector.ToArray());
        Assert.Equal(miniLm.Embed("Timmy remembers the owner's preferences"), miniLm.Embed("Timmy remembers the owner's preferences"));
    }

    [Fact]
    public void BatchOf40_EqualsOneByOne()
    {
        var texts = Enumerable.Range(0, 40)
            .Select(i => string.Join(' ', Enumerable.Repeat($"memory {i} about task {i * 7} and the swarm", 1 + i % 5)))
            .ToArray();

        var batched = miniLm.Encoder.Encode(texts, Ct);

        for (var i = 0; i < texts.Length; i++)
        {
            Vectors.AssertClose(miniLm.Embed(texts[i]), batched[i], 1e-4);
        }
    }

    [Fact]
    public void LongText_IsCutToMaxTokens_NotRefused()
    {
        var longText = string.Join(' ', Enumerable.Repeat("the lightning invoice was paid", 600));

        var vector = miniLm.Embed(longText);

        Vectors.AssertNormalised(vector, 384);
        Vectors.AssertClose(vector, miniLm.Embed(longText + " and then something else entirely"), 1e-5);
    }

    [Fact]
    public void Metadata_NamesProviderModelAndDimensions()
    {
        var metadata = miniLm.Encoder.GetService<EmbeddingGeneratorMetadata>()!;

        Assert.Equal(("onnxruntime", "all-MiniLM-L6-v2", 384), (metadata.ProviderName, metadata.DefaultModelId, metadata.DefaultModelDimensions));
        Assert.Equal(new EmbedderInfo("minilm/all-MiniLM-L6-v2", 384, false, miniLm.Encoder.Info.Description), miniLm.Encoder.GetService<EmbedderInfo>());
    }
}
