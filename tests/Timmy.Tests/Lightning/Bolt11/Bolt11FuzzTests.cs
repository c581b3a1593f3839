using Timmy.Core.Lightning.Bolt11;

namespace Timmy.Tests.Lightning.Bolt11;

/// <summary>Decoding untrusted text never fails with anything but <see cref="InvalidInvoiceException"/>, and never
/// through the codec's safety net (whose reason starts "malformed (").</summary>
public sealed class Bolt11FuzzTests
{
    private const string Printable = "qpzry9x8gf2tvdw0s3jn54khce6mua7l1QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7Lbio!~ :";

    [Fact]
    public void Decode_RandomStrings_RefusesCleanly()
    {
        var random = new Random(11);
        for (var i = 0; i < 5_000; i++)
        {
            var chars = new char[random.Next(0, 400)];
            for (var j = 0; j < chars.Length; j++)
            {
                chars[j] = random.Next(20) == 0 ? (char)random.Next(0, 0x3000) : Printable[random.Next(Printable.Length)];
            }
            AssertDecodesOrRefusesCleanly((i % 3 == 0 ? "lnbc" : "") + new string(chars));
        }
    }

    [Fact]
    public void Decode_TruncatedExamples_RefusesCleanly()
    {
        foreach (var invoice in Bolt11SpecExamples.Valid)
        {
            for (var length = 0; length < invoice.Length; length++)
            {
                AssertDecodesOrRefusesCleanly(invoice[..length]);
            }
        }
    }

    [Fact]
    public void Decode_ExamplesWithOneCharacterChanged_RefusesCleanly()
    {
        var random = new Random(12);
        foreach (var invoice in Bolt11SpecExamples.Valid)
        {
            for (var position = 0; position < invoice.Length; position++)
            {
                var chars = invoice.ToCharArray();
                chars[position] = Printable[random.Next(Printable.Length)];
                AssertDecodesOrRefusesCleanly(new string(chars));
            }
        }
    }

    [Fact]
    public void Decode_RandomDataWithAValidChecksum_RefusesCleanly()
    {
        // A random string almost never passes the checksum; these do, so they reach the field and signature parsing.
        var random = new Random(13);
        string[] prefixes = ["lnbc", "lntb", "lnbcrt2500u", "lnbc1p", "lnsb10n", "lntbs9", "lnbc0", "ln", "lnbc1x"];
        for (var i = 0; i < 5_000; i++)
        {
            var words = new byte[random.Next(0, 400)];
            for (var j = 0; j < words.Length; j++)
            {
                words[j] = (byte)random.Next(32);
            }
            if (words.Length > 10 && random.Next(2) == 0)
            {
                words[7] = Bolt11Tag.PaymentHash; // a plausible first field header
                words[8] = 1;
                words[9] = 20;
            }
            AssertDecodesOrRefusesCleanly(Bech32.Encode(prefixes[random.Next(prefixes.Length)], words));
        }
    }

    private static void AssertDecodesOrRefusesCleanly(string text)
    {
        try
        {
            var decoded = Bolt11Codec.Decode(text);
            Assert.NotNull(decoded.PayeeNodeId);
            _ = decoded.ExpiresAt;
            _ = decoded.FallbackAddresses;
        }
        catch (InvalidInvoiceException e)
        {
            Assert.StartsWith("invalid invoice: ", e.Message);
            Assert.DoesNotContain("malformed (", e.Message);
        }
    }
}
