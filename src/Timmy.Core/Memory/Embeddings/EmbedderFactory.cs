using Microsoft.Extensions.AI;

namespace Timmy.Core.Memory.Embeddings;

/// <summary>Builds the configured embedder. When ONNX Runtime or the model cannot load (a missing native library, a
/// broken model file), the memory still works: the lexical-only <see cref="HashingEmbeddingGenerator"/> stands in and
/// <see cref="EmbedderChoice.Problem"/> says why.</summary>
public static class EmbedderFactory
{
    public static EmbedderChoice Create(EmbedderOptions options) => options.Kind switch
    {
        EmbedderKinds.Hashing => new EmbedderChoice(new HashingEmbeddingGenerator(), null),
        EmbedderKinds.Ollama => new EmbedderChoice(new OllamaEmbeddingGenerator(options.OllamaUrl!, options.OllamaModel), null),
        EmbedderKinds.OnnxFolder => Onnx(() => OnnxFolderModel.Load(options.ModelFolder!), options, $"the model in {options.ModelFolder}"),
        _ => Onnx(MiniLmModel.Load, options, "all-MiniLM-L6-v2"),
    };

    private static EmbedderChoice Onnx(Func<OnnxSentenceModel> load, EmbedderOptions options, string what)
    {
        try
        {
            IEmbeddingGenerator<string, Embedding<float>> encoder = new OnnxSentenceEncoder(load(), options.EffectiveThreads, options.MaxTokens);
            return new EmbedderChoice(encoder, null);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return new EmbedderChoice(new HashingEmbeddingGenerator(),
                $"ONNX Runtime could not load {what}: {e.GetBaseException().Message}; using the lexical-only fallback ({HashingEmbeddingGenerator.Id}).");
        }
    }
}
