using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Timmy.Core.Memory.Embeddings;

namespace Timmy.Tests.Memory.Embeddings;

/// <summary>A sentence model from a folder: the MiniLM files written to a temp folder give MiniLM's vectors under the
/// folder's id; a folder without the files is refused at start naming the key; a model ONNX Runtime cannot load
/// falls back to the hashing embedder and says why.</summary>
public sealed class OnnxFolderEmbedderTests(MiniLmFixture miniLm) : IClassFixture<MiniLmFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static EmbedderOptions FolderOptions(string folder) =>
        new() { Kind = EmbedderKinds.OnnxFolder, ModelFolder = folder, Threads = 1 };

    [Fact]
    public async Task FolderWithMiniLmFiles_EmbedsLikeMiniLm_UnderTheFoldersId()
    {
        using var temp = new TempFolder();
        temp.Write("model.onnx", miniLm.Model.Model);
        temp.Write("vocab.txt", miniLm.Model.Vocabulary);

        var choice = EmbedderFactory.Create(FolderOptions(temp.Path));
        await using var embedder = new MemoryEmbedder(choice.Generator, FolderOptions(temp.Path), choice.Problem);
        var vectors = await embedder.EmbedAsync(["The cat sat on the mat", "Lightning invoices"], Ct);

        Assert.Null(embedder.Problem);
        Assert.Equal(("onnx/" + Path.GetFileName(temp.Path), 384, false), (embedder.Info.Id, embedder.Info.Dimensions, embedder.Info.LexicalOnly));
        Vectors.AssertClose(miniLm.Embed("The cat sat on the mat"), vectors[0], 1e-4);
        Vectors.AssertClose(miniLm.Embed("Lightning invoices"), vectors[1], 1e-4);
    }

    [Fact]
    public async Task FolderLackingVocabulary_IsRefusedAtStart_NamingTheKey()
    {
        using var temp = new TempFolder();
        temp.Write("model.onnx", [1, 2, 3]);
        using var host = Host(("Timmy:Memory:Embedder:Kind", "onnx-folder"), ("Timmy:Memory:Embedder:ModelFolder", temp.Path));

        var refused = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync(Ct));

        Assert.Equal([$"Timmy:Memory:Embedder:ModelFolder '{temp.Path}' lacks vocab.txt."], refused.Failures);
    }

    [Fact]
    public void ModelOnnxRuntimeCannotLoad_FallsBackToHashing_AndSaysWhy()
    {
        using var temp = new TempFolder();
        temp.Write("model.onnx", "not an onnx graph"u8.ToArray());
        temp.Write("vocab.txt", miniLm.Model.Vocabulary);

        var choice = EmbedderFactory.Create(FolderOptions(temp.Path));

        Assert.IsType<HashingEmbeddingGenerator>(choice.Generator);
        Assert.StartsWith($"ONNX Runtime could not load the model in {temp.Path}: ", choice.Problem);
        Assert.EndsWith("; using the lexical-only fallback (hashing/v1).", choice.Problem);
    }

    private static IHost Host(params (string Key, string Value)[] settings)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value)));
        builder.Services.AddMemoryEmbeddings();
        return builder.Build();
    }
}
