using NBitcoin;
using Timmy.Core.Lightning.Bolt11;

namespace Timmy.Tests.Lightning.Bolt11;

/// <summary>Builds signed invoice strings field by field, including ones the encoder would never write (an
/// <c>n</c> field, duplicates, missing fields), to test what the decoder does with them.</summary>
internal sealed class RawInvoice(string hrp = "lnbc")
{
    private readonly List<byte> _words = Timestamp();

    public RawInvoice Field(char letter, byte[] bytes) => Words(letter, FiveBitWords.FromBytes(bytes));

    public RawInvoice Words(char letter, byte[] data)
    {
        _words.Add((byte)Bech32.Charset.IndexOf(letter));
        FiveBitWords.AppendNumber(_words, (ulong)data.Length, 2);
        _words.AddRange(data);
        return this;
    }

    public RawInvoice PaymentHash() => Field('p', new byte[32]);

    public RawInvoice Description(string text) => Field('d', System.Text.Encoding.UTF8.GetBytes(text));

    private static List<byte> Timestamp()
    {
        var words = new List<byte>();
        FiveBitWords.AppendNumber(words, 1496314658, 7);
        return words;
    }

    public string Sign(Key key) =>
        Bech32.Encode(hrp, [.. _words, .. FiveBitWords.FromBytes(Bolt11Signature.Sign(hrp, [.. _words], key))]);
}
