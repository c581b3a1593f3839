namespace Timmy.Core.Router.Providers.LlamaCpp;

/// <summary>Where the in-process llama.cpp tier finds its GGUF weights, and how big a context it builds:
/// <see cref="ModelPath"/>, else the Ollama model named in <see cref="OllamaModelName"/> in Ollama's
/// local store.</summary>
public sealed class LlamaCppSettings
{
    /// <summary>A GGUF model file. When set, it wins over <see cref="OllamaModelName"/>.</summary>
    public string? ModelPath { get; set; }

    /// <summary>An Ollama model name such as <c>llama3.2</c> or <c>llama3.2:latest</c>, looked up in
    /// Ollama's local store so the same weights answer while the Ollama server is down.</summary>
    public string? OllamaModelName { get; set; }

    /// <summary>Ollama's model store. Null: <c>$OLLAMA_MODELS</c>, else <c>~/.ollama/models</c>.</summary>
    public string? OllamaModelsDirectory { get; set; }

    /// <summary>Context window in tokens (prompt plus answer).</summary>
    public int ContextSize { get; set; } = 2048;

    /// <summary>CPU threads for generation; 0 lets llama.cpp choose.</summary>
    public int Threads { get; set; }

    /// <summary>Answer length cap when the caller's <c>ChatOptions.MaxOutputTokens</c> is unset.</summary>
    public int MaxOutputTokens { get; set; } = 512;

    /// <summary>Sampling temperature when the caller sets none; 0 means greedy (deterministic).</summary>
    public float Temperature { get; set; } = 0.7f;
}
