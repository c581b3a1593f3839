using System.Text.Json;

namespace Timmy.Core.Memory.Embeddings;

/// <summary>A sentence model from a folder: <c>model.onnx</c>, <c>vocab.txt</c>, and optionally the Hugging Face
/// <c>tokenizer_config.json</c>, whose <c>do_lower_case</c> says whether the vocabulary is cased (uncased when absent).
/// Its vectors carry the id <c>onnx/&lt;folder name&gt;</c>.</summary>
public static class OnnxFolderModel
{
    public static OnnxSentenceModel Load(string folder)
    {
        var full = Path.GetFullPath(folder);
        var name = new DirectoryInfo(full).Name;
        return new OnnxSentenceModel("onnx/" + name, name, $"from the folder {full}",
            File.ReadAllBytes(Path.Combine(full, "model.onnx")), File.ReadAllBytes(Path.Combine(full, "vocab.txt")), LowerCase(full));
    }

    private static bool LowerCase(string folder)
    {
        var config = Path.Combine(folder, "tokenizer_config.json");
        if (!File.Exists(config))
        {
            return true;
        }
        using var document = JsonDocument.Parse(File.ReadAllText(config));
        return !document.RootElement.TryGetProperty("do_lower_case", out var value) || value.ValueKind != JsonValueKind.False;
    }
}
