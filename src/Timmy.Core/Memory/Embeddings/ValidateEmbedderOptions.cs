using Microsoft.Extensions.Options;

namespace Timmy.Core.Memory.Embeddings;

/// <summary>Refuses to start with embedder settings that cannot work, naming the key.</summary>
public sealed class ValidateEmbedderOptions : IValidateOptions<EmbedderOptions>
{
    /// <summary>The files an <c>onnx-folder</c> model needs.</summary>
    public static IReadOnlyList<string> FolderFiles { get; } = ["model.onnx", "vocab.txt"];

    public ValidateOptionsResult Validate(string? name, EmbedderOptions options)
    {
        var failures = new List<string>();
        const string prefix = EmbedderOptions.SectionName + ":";
        if (!EmbedderKinds.All.Contains(options.Kind))
        {
            failures.Add($"{prefix}Kind must be one of {string.Join(", ", EmbedderKinds.All)} (got '{options.Kind}').");
        }
        if (options.MaxBatch is < 1 or > 256)
        {
            failures.Add($"{prefix}MaxBatch must be between 1 and 256 (was {options.MaxBatch}).");
        }
        if (options.Threads is < 0 or > 256)
        {
            failures.Add($"{prefix}Threads must be between 0 (automatic) and 256 (was {options.Threads}).");
        }
        if (options.QueueCapacity is < 1 or > 1_000_000)
        {
            failures.Add($"{prefix}QueueCapacity must be between 1 and 1000000 (was {options.QueueCapacity}).");
        }
        if (options.MaxTokens is < 8 or > OnnxSentenceEncoder.ModelTokenLimit)
        {
            failures.Add($"{prefix}MaxTokens must be between 8 and {OnnxSentenceEncoder.ModelTokenLimit} (was {options.MaxTokens}).");
        }
        if (options.Kind == EmbedderKinds.Ollama)
        {
            if (!Uri.TryCreate(options.OllamaUrl, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
            {
                failures.Add($"{prefix}OllamaUrl must be an absolute http or https URL (got '{options.OllamaUrl}').");
            }
            if (string.IsNullOrWhiteSpace(options.OllamaModel))
            {
                failures.Add($"{prefix}OllamaModel must name an Ollama embedding model.");
            }
        }
        if (options.Kind == EmbedderKinds.OnnxFolder)
        {
            failures.AddRange(FolderProblems(prefix + "ModelFolder", options.ModelFolder));
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static IEnumerable<string> FolderProblems(string key, string? folder)
    {
        if (string.IsNullOrWhiteSpace(folder))
        {
            yield return $"{key} is required when Kind is onnx-folder (a folder holding {string.Join(" and ", FolderFiles)}).";
            yield break;
        }
        if (!Directory.Exists(folder))
        {
            yield return $"{key} '{folder}' is not a folder.";
            yield break;
        }
        var missing = FolderFiles.Where(file => !File.Exists(Path.Combine(folder, file))).ToList();
        if (missing.Count > 0)
        {
            yield return $"{key} '{folder}' lacks {string.Join(" and ", missing)}.";
        }
    }
}
