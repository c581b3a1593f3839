using System.Text.RegularExpressions;
using Timmy.Core.Memory;
using Timmy.Core.Memory.Embeddings;

namespace Timmy.Tests.Memory;

/// <summary>A small, predictable embedder for store and search tests: each word (after <see cref="Synonyms"/>) sets one
/// of 64 dimensions, so texts sharing words or synonyms are similar. It can be made unavailable, as an unreachable
/// Ollama is, and counts what it embedded.</summary>
internal sealed partial class FakeTextEmbedder(string id = "fake/words-64") : ITextEmbedder
{
    public const int Dimensions = 64;

    public static readonly Dictionary<string, string> Synonyms = new(StringComparer.Ordinal)
    {
        ["kitten"] = "cat", ["feline"] = "cat", ["rug"] = "mat", ["automobile"] = "car", ["vehicle"] = "car",
    };

    public EmbedderInfo Info { get; } = new(id, Dimensions, false, "test words");

    public string? Problem => null;

    public bool Unavailable { get; set; }

    public int Embedded { get; private set; }

    public Task<float[][]> EmbedAsync(IReadOnlyList<string> texts, CancellationToken cancellationToken = default)
    {
        if (Unavailable)
        {
            throw new EmbedderUnavailableException("the test embedder is switched off");
        }
        Embedded += texts.Count;
        return Task.FromResult(texts.Select(Vector).ToArray());
    }

    public static float[] Vector(string text)
    {
        var v = new float[Dimensions];
        foreach (Match m in Word().Matches(text.ToLowerInvariant()))
        {
            var word = Synonyms.GetValueOrDefault(m.Value, m.Value);
            var h = 0u;
            foreach (var c in word)
            {
                h = (h ^ c) * 16777619u;
            }
            v[h % Dimensions] += 1;
        }
        var norm = MathF.Sqrt(v.Sum(x => x * x));
        return norm == 0 ? v : v.Select(x => x / norm).ToArray();
    }

    [GeneratedRegex(@"\p{L}+")]
    private static partial Regex Word();
}
