namespace Timmy.Core.Lightning.Bolt11;

/// <summary>The feature bits of an invoice's <c>9</c> field (bit 0 is the least significant; an even bit means the
/// payer must understand the feature, the odd bit above it that it may). Compared by the bits set.</summary>
public sealed class Bolt11Features : IEquatable<Bolt11Features>
{
    private readonly int[] _bits;

    public Bolt11Features(IEnumerable<int> bits)
    {
        _bits = [.. bits.Distinct().Order()];
        if (_bits.Length > 0 && (_bits[0] < 0 || _bits[^1] >= MaxBits))
        {
            throw new ArgumentOutOfRangeException(nameof(bits), $"feature bits run from 0 to {MaxBits - 1}");
        }
    }

    /// <summary>The most bits a field can hold: 1023 words of 5 bits.</summary>
    public const int MaxBits = 1023 * 5;

    /// <summary>The bits set, lowest first.</summary>
    public IReadOnlyList<int> Bits => _bits;

    public bool IsSet(int bit) => Array.BinarySearch(_bits, bit) >= 0;

    /// <summary>Each set bit as text, e.g. <c>payment_secret (14, required)</c> or <c>unknown (99, optional)</c>.</summary>
    public IReadOnlyList<string> Describe() => [.. _bits.Select(Bolt11FeatureNames.Describe)];

    internal static Bolt11Features FromWords(ReadOnlySpan<byte> words)
    {
        var bits = new List<int>();
        for (var i = 0; i < words.Length; i++)
        {
            var lowestBit = (words.Length - 1 - i) * 5;
            for (var j = 0; j < 5; j++)
            {
                if (((words[i] >> j) & 1) != 0)
                {
                    bits.Add(lowestBit + j);
                }
            }
        }
        return new Bolt11Features(bits);
    }

    internal byte[] ToWords()
    {
        if (_bits.Length == 0)
        {
            return [];
        }
        var words = new byte[_bits[^1] / 5 + 1];
        foreach (var bit in _bits)
        {
            words[words.Length - 1 - bit / 5] |= (byte)(1 << (bit % 5));
        }
        return words;
    }

    public bool Equals(Bolt11Features? other) => other is not null && _bits.AsSpan().SequenceEqual(other._bits);

    public override bool Equals(object? obj) => Equals(obj as Bolt11Features);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var bit in _bits)
        {
            hash.Add(bit);
        }
        return hash.ToHashCode();
    }

    public override string ToString() => string.Join(", ", Describe());
}
