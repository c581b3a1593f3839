using System.IO.Hashing;
using System.Text;
using Microsoft.Extensions.AI;

namespace Timmy.Core.Memory.Embeddings;

/// <summary>The deterministic no-weights fallback, and the only embedder written here by hand: each lower-cased word
/// and each character 3-gram of the word padded with boundary marks (<c>&lt;cat&gt;</c>) is hashed with XxHash32 into
/// one of 384 buckets, one hash bit choosing the sign; a feature seen n times adds 1 + ln n; the sum is L2-normalised.
/// Lexical-only: texts sharing words or spellings come out close, paraphrases with other words do not.</summary>
public sealed class HashingEmbeddingGenerator : IEmbeddingGenerator<string, Embedding<float>>
{
    public const int Dimensions = 384;
    public const string Id = "hashing/v1";

    public static EmbedderInfo Info { get; } = new(Id, Dimensions, LexicalOnly: true,
        "Hashed words and character 3-grams (384 dimensions, no model weights); lexical-only quality: matches shared words and spellings, not meaning.");

    public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(VectorMath.ToEmbeddings(values.Select(Embed).ToList(), Id));
    }

    /// <summary>The vector of one text; a text without words gets the vector of the empty word.</summary>
    public static float[] Embed(string text)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var word in Words(text))
        {
            Count(counts, "w:" + word);
            var padded = "<" + word + ">";
            for (var i = 0; i + 3 <= padded.Length; i++)
            {
                Count(counts, "g:" + padded.Substring(i, 3));
            }
        }
        if (counts.Count == 0)
        {
            Count(counts, "g:<>");
        }
        var vector = new float[Dimensions];
        foreach (var (feature, count) in counts)
        {
            var hash = XxHash32.HashToUInt32(Encoding.UTF8.GetBytes(feature));
            var sign = (hash & 0x8000_0000u) == 0 ? 1f : -1f;
            vector[(int)((hash & 0x7FFF_FFFFu) % Dimensions)] += sign * (1f + MathF.Log(count));
        }
        VectorMath.Normalize(vector);
        return vector;
    }

    private static IEnumerable<string> Words(string text)
    {
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var inWord = i < text.Length && char.IsLetterOrDigit(text[i]);
            if (inWord && start < 0)
            {
                start = i;
            }
            else if (!inWord && start >= 0)
            {
                yield return text[start..i].ToLowerInvariant();
                start = -1;
            }
        }
    }

    private static void Count(Dictionary<string, int> counts, string feature) =>
        counts[feature] = counts.GetValueOrDefault(feature) + 1;

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        EmbedderServices.Answer(this, serviceType, serviceKey, Info, "hashing", null, Id);

    public void Dispose()
    {
    }
}
