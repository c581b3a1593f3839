using Timmy.Core.Memory.Embeddings;
using Timmy.Core.Router;

namespace Timmy.Tests.Memory.Embeddings;

public sealed class EmbedderOptionsTests
{
    private static string[] Errors(EmbedderOptions options)
    {
        var result = new ValidateEmbedderOptions().Validate(null, options);
        return result.Failed ? result.Failures!.ToArray() : [];
    }

    [Fact]
    public void Validate_Defaults_Succeed() => Assert.Empty(Errors(new EmbedderOptions()));

    [Fact]
    public void Validate_UnknownKind_NamesTheKeyAndTheChoices() =>
        Assert.Equal(["Timmy:Memory:Embedder:Kind must be one of minilm, ollama, onnx-folder, hashing (got 'bert')."],
            Errors(new EmbedderOptions { Kind = "bert" }));

    [Fact]
    public void Validate_NumbersOutOfRange_EachNamed() =>
        Assert.Equal(
        [
            "Timmy:Memory:Embedder:MaxBatch must be between 1 and 256 (was 0).",
            "Timmy:Memory:Embedder:Threads must be between 0 (automatic) and 256 (was -1).",
            "Timmy:Memory:Embedder:QueueCapacity must be between 1 and 1000000 (was 0).",
            "Timmy:Memory:Embedder:MaxTokens must be between 8 and 512 (was 1000).",
        ], Errors(new EmbedderOptions { MaxBatch = 0, Threads = -1, QueueCapacity = 0, MaxTokens = 1000 }));

    [Fact]
    public void Validate_OnnxFolderWithoutFolder_NamesTheKey() =>
        Assert.Equal(["Timmy:Memory:Embedder:ModelFolder is required when Kind is onnx-folder (a folder holding model.onnx and vocab.txt)."],
            Errors(new EmbedderOptions { Kind = EmbedderKinds.OnnxFolder }));

    [Fact]
    public void Validate_OnnxFolderEmpty_NamesBothMissingFiles()
    {
        using var temp = new TempFolder();

        Assert.Equal([$"Timmy:Memory:Embedder:ModelFolder '{temp.Path}' lacks model.onnx and vocab.txt."],
            Errors(new EmbedderOptions { Kind = EmbedderKinds.OnnxFolder, ModelFolder = temp.Path }));
    }

    [Fact]
    public void Validate_OllamaWithBadUrl_NamesTheKey() =>
        Assert.Equal(["Timmy:Memory:Embedder:OllamaUrl must be an absolute http or https URL (got 'localhost:11434')."],
            Errors(new EmbedderOptions { Kind = EmbedderKinds.Ollama, OllamaUrl = "localhost:11434" }));

    [Theory]
    [InlineData(null, "http://localhost:11434")]
    [InlineData("http://10.0.0.5:11434", "http://10.0.0.5:11434")]
    public void PostConfigure_OllamaUrl_FallsBackToOllamaUrlVariable(string? variable, string expected)
    {
        var options = new EmbedderOptions { Kind = " Ollama " };

        new PostConfigureEmbedderOptions(new RouterEnvironment(name => name == "OLLAMA_URL" ? variable : null)).PostConfigure(null, options);

        Assert.Equal((EmbedderKinds.Ollama, expected), (options.Kind, options.OllamaUrl));
    }

    [Fact]
    public void EffectiveThreads_ZeroMeansHalfTheProcessors() =>
        Assert.Equal(Math.Max(1, Environment.ProcessorCount / 2), new EmbedderOptions().EffectiveThreads);
}
