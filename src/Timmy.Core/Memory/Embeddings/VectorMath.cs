using Microsoft.Extensions.AI;

namespace Timmy.Core.Memory.Embeddings;

/// <summary>The vector chores every embedder shares: L2 normalisation and wrapping vectors as
/// <see cref="GeneratedEmbeddings{TEmbedding}"/>.</summary>
internal static class VectorMath
{
    /// <summary>Scales <paramref name="vector"/> to length 1 in place; the zero vector stays zero.</summary>
    public static void Normalize(Span<float> vector)
    {
        double sum = 0;
        foreach (var x in vector)
        {
            sum += (double)x * x;
        }
        var norm = Math.Sqrt(sum);
        if (norm > 0 && double.IsFinite(norm))
        {
            for (var i = 0; i < vector.Length; i++)
            {
                vector[i] = (float)(vector[i] / norm);
            }
        }
    }

    public static GeneratedEmbeddings<Embedding<float>> ToEmbeddings(IEnumerable<float[]> vectors, string modelId) =>
        new(vectors.Select(v => new Embedding<float>(v) { ModelId = modelId, CreatedAt = DateTimeOffset.UtcNow }));
}
