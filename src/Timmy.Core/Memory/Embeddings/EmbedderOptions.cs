namespace Timmy.Core.Memory.Embeddings;

/// <summary>The memory embedder's settings, bound from <c>Timmy:Memory:Embedder</c> and checked at start-up.</summary>
public sealed class EmbedderOptions
{
    public const string SectionName = "Timmy:Memory:Embedder";

    /// <summary>Which embedder: <c>minilm</c> (default), <c>ollama</c>, <c>onnx-folder</c> or <c>hashing</c>.</summary>
    public string Kind { get; set; } = EmbedderKinds.MiniLm;

    /// <summary>Ollama's base URL; when unset, <c>OLLAMA_URL</c>, else <c>http://localhost:11434</c>.</summary>
    public string? OllamaUrl { get; set; }

    /// <summary>The Ollama embedding model.</summary>
    public string OllamaModel { get; set; } = "nomic-embed-text";

    /// <summary>For <c>onnx-folder</c>: a folder holding <c>model.onnx</c> and <c>vocab.txt</c>
    /// (and optionally <c>tokenizer_config.json</c>, read for <c>do_lower_case</c>).</summary>
    public string? ModelFolder { get; set; }

    /// <summary>Most texts embedded in one model call (1..256); concurrent callers are coalesced up to this.</summary>
    public int MaxBatch { get; set; } = 32;

    /// <summary>ONNX Runtime intra-op threads; 0 = half the processors (at least 1).</summary>
    public int Threads { get; set; }

    /// <summary>Most embedding requests waiting for the worker; a caller finding the queue full waits.</summary>
    public int QueueCapacity { get; set; } = 1024;

    /// <summary>Most word-piece tokens read from one text (8..512); the rest of a longer text is cut off.</summary>
    public int MaxTokens { get; set; } = 256;

    /// <summary><see cref="Threads"/> with 0 resolved for this machine.</summary>
    public int EffectiveThreads => Threads > 0 ? Threads : Math.Max(1, Environment.ProcessorCount / 2);
}
