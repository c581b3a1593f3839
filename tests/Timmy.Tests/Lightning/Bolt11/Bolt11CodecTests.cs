using NBitcoin;
using Timmy.Core.Lightning.Bolt11;
using Spec = Timmy.Tests.Lightning.Bolt11.Bolt11SpecExamples;

namespace Timmy.Tests.Lightning.Bolt11;

public sealed class Bolt11CodecTests
{
    private static readonly Key Payee = new();

    private static Bolt11Invoice Sample() => new()
    {
        Network = "bcrt",
        AmountMsat = 21_000,
        Timestamp = DateTimeOffset.Parse("2026-03-01T12:00:00.750Z"),
        PaymentHash = Convert.ToHexString(RandomBytes(32)),
        PaymentSecret = Convert.ToHexStringLower(RandomBytes(32)),
        Description = "tip for Forge",
        Expiry = TimeSpan.FromMinutes(15),
    };

    [Fact]
    public void Encode_ThenDecode_GivesAnEqualInvoiceSignedByTheKey()
    {
        var invoice = Sample();
        var encoded = Bolt11Codec.Encode(invoice, Payee);
        var decoded = Bolt11Codec.Decode(encoded);
        Assert.Equal(invoice with { PayeeNodeId = Payee.PubKey.ToHex(), Bolt11 = encoded }, decoded);
        Assert.Equal(Bolt11Codec.Sign(invoice, Payee), decoded);
        Assert.StartsWith("lnbcrt210n1", encoded);
        Assert.Equal(invoice.PaymentHash, decoded.PaymentHash);
        Assert.Equal(invoice.PaymentHash.ToLowerInvariant(), decoded.PaymentHash);
        Assert.Equal(0, decoded.Timestamp.Millisecond);
    }

    [Theory]
    [InlineData(1L, "lnbc10p")]
    [InlineData(1_000L, "lnbc10n")]
    [InlineData(100_000L, "lnbc1u")]
    [InlineData(150_000_000L, "lnbc1500u")]
    [InlineData(100_000_000_000L, "lnbc1")]
    [InlineData(2_100_000_000_000_000_000L, "lnbc21000000")]
    public void Encode_Amount_UsesTheShortestForm(long msat, string hrp)
    {
        var encoded = Bolt11Codec.Encode(Sample() with { Network = "bc", AmountMsat = msat }, Payee);
        Assert.StartsWith(hrp + "1", encoded);
        Assert.Equal(msat, Bolt11Codec.Decode(encoded).AmountMsat);
    }

    [Fact]
    public void Encode_EveryField_RoundTrips()
    {
        var invoice = Sample() with
        {
            Network = "tbs",
            AmountMsat = null,
            Description = null,
            DescriptionHash = Convert.ToHexStringLower(RandomBytes(32)),
            PaymentMetadata = "00ff",
            Expiry = TimeSpan.Zero,
            MinFinalCltvExpiry = 144,
            Fallbacks = [new Bolt11Fallback(1, Convert.ToHexStringLower(RandomBytes(32))), new Bolt11Fallback(17, new string('a', 40))],
            RouteHints = [[new Bolt11RouteHop(Payee.PubKey.ToHex(), 42, 1, 2, 3)], [new Bolt11RouteHop(new Key().PubKey.ToHex(), 7, 0, 0, 0)]],
            Features = new([9, 15, 17, 49, 301]),
        };
        var decoded = Bolt11Codec.Decode(Bolt11Codec.Encode(invoice, Payee));
        Assert.Equal(invoice with { PayeeNodeId = decoded.PayeeNodeId, Bolt11 = decoded.Bolt11 }, decoded);
        Assert.True(decoded.IsExpired(decoded.Timestamp));
    }

    [Fact]
    public void Encode_SameInvoiceAndKey_GivesTheSameString()
    {
        var invoice = Sample();
        Assert.Equal(Bolt11Codec.Encode(invoice, Payee), Bolt11Codec.Encode(invoice with { }, Payee));
    }

    [Theory]
    [InlineData("AmountMsat")]
    [InlineData("PaymentHash")]
    [InlineData("Description")]
    [InlineData("Network")]
    [InlineData("PayeeNodeId")]
    [InlineData("Length")]
    public void Encode_ContentsTheFormatCannotCarry_Throws(string broken)
    {
        var invoice = broken switch
        {
            "AmountMsat" => Sample() with { AmountMsat = 0 },
            "PaymentHash" => Sample() with { PaymentHash = "abcd" },
            "Description" => Sample() with { Description = null },
            "Network" => Sample() with { Network = "ltc" },
            "PayeeNodeId" => Sample() with { PayeeNodeId = new Key().PubKey.ToHex() },
            _ => Sample() with { RouteHints = [.. Enumerable.Repeat<IReadOnlyList<Bolt11RouteHop>>([new Bolt11RouteHop(Payee.PubKey.ToHex(), 1, 1, 1, 1)], 100)] },
        };
        Assert.Throws<ArgumentException>(() => Bolt11Codec.Encode(invoice, Payee));
    }

    [Fact]
    public void Decode_LightningPrefixAndWhitespace_AreAccepted()
    {
        var decoded = Bolt11Codec.Decode($"  LIGHTNING:{Spec.CoffeeBeansUpperCase}\n");
        Assert.Equal(Spec.CoffeeBeans, decoded.Bolt11);
        Assert.Equal(Bolt11Codec.Decode("lightning:" + Spec.CoffeeBeans), decoded);
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("   ", "empty")]
    [InlineData("lnbc1\u00e9", "contains a character outside printable ASCII")]
    [InlineData("lnbc1qqqqqb", "character 'b' is not in the bech32 alphabet")]
    [InlineData("1qqqqqqqq", "empty human-readable part")]
    [InlineData("lnbc1qqqq", "too short for a bech32 checksum")]
    public void Decode_Malformed_IsRefusedWithItsReason(string text, string reason) =>
        Assert.Equal("invalid invoice: " + reason, Assert.Throws<InvalidInvoiceException>(() => Bolt11Codec.Decode(text)).Message);

    [Fact]
    public void Decode_AbsurdlyLong_IsRefused()
    {
        var refused = Assert.Throws<InvalidInvoiceException>(() => Bolt11Codec.Decode("lnbc1" + new string('q', 8000)));
        Assert.Equal("invalid invoice: too long (8005 characters; at most 7089)", refused.Message);
    }

    [Fact]
    public void Decode_LongButUnderTheLimit_IsAccepted()
    {
        var invoice = Sample() with { RouteHints = [.. Enumerable.Repeat<IReadOnlyList<Bolt11RouteHop>>([new Bolt11RouteHop(Payee.PubKey.ToHex(), 1, 1, 1, 1)], 40)] };
        var encoded = Bolt11Codec.Encode(invoice, Payee);
        Assert.True(encoded.Length > 3000);
        Assert.Equal(40, Bolt11Codec.Decode(encoded).RouteHints.Count);
    }

    [Theory]
    [InlineData("lnbc", "no payment hash ('p' field)", "d")]
    [InlineData("lnbc", "neither a description ('d') nor a description hash ('h')", "p")]
    [InlineData("lnbc", "more than one 'p' field", "ppd")]
    [InlineData("lnbc", "more than one 'd' field", "pdd")]
    [InlineData("lnbc", "the description is not valid UTF-8", "pD")]
    [InlineData("lnxy", "unknown currency prefix 'lnxy'", "pd")]
    [InlineData("lnbc0", "amount has a leading zero", "pd")]
    [InlineData("lnbc01m", "amount has a leading zero", "pd")]
    [InlineData("lnbc99999999999", "amount is too large", "pd")]
    [InlineData("lnbc1m2", "malformed amount", "pd")]
    [InlineData("lnbc", "the invoice requires feature bit 2, which this node does not understand", "pd9")]
    [InlineData("lnbc", "expiry is out of range", "pdX")]
    [InlineData("lnbc", "min_final_cltv_expiry is out of range", "pdC")]
    public void Decode_BadFields_AreRefusedWithTheirReason(string hrp, string reason, string fields)
    {
        var raw = new RawInvoice(hrp);
        foreach (var field in fields)
        {
            _ = field switch
            {
                'p' => raw.PaymentHash(),
                'd' => raw.Description("x"),
                'D' => raw.Field('d', [0xff, 0xfe]),
                '9' => raw.Words('9', [4]),
                'X' => raw.Words('x', FiveBitWords.FromNumber(ulong.MaxValue >> 4)),
                _ => raw.Words('c', FiveBitWords.FromNumber(uint.MaxValue)),
            };
        }
        Assert.Equal("invalid invoice: " + reason, Assert.Throws<InvalidInvoiceException>(() => Bolt11Codec.Decode(raw.Sign(Payee))).Message);
    }

    [Fact]
    public void Decode_PayeeFieldOfTheSigner_IsAccepted()
    {
        var invoice = new RawInvoice().PaymentHash().Description("x").Field('n', Payee.PubKey.ToBytes()).Sign(Payee);
        Assert.Equal(Payee.PubKey.ToHex(), Bolt11Codec.Decode(invoice).PayeeNodeId);
    }

    [Fact]
    public void Decode_PayeeFieldOfAnotherKey_IsRefused()
    {
        var invoice = new RawInvoice().PaymentHash().Description("x").Field('n', new Key().PubKey.ToBytes()).Sign(Payee);
        Assert.Equal("invalid invoice: signature was not made by the payee node named in the 'n' field",
            Assert.Throws<InvalidInvoiceException>(() => Bolt11Codec.Decode(invoice)).Message);
    }

    [Fact]
    public void Decode_AlteredAndReChecksummed_RecoversAnotherKey()
    {
        // Changing a signed field and fixing the checksum leaves a signature that recovers some other key: without
        // an 'n' field that is all a reader can see, so the payee id no longer matches the signer.
        var encoded = Bolt11Codec.Encode(Sample(), Payee);
        var (hrp, words) = Bech32.Decode(encoded);
        words[10] ^= 1;
        var altered = Bech32.Encode(hrp, words);
        if (Bolt11Codec.TryDecode(altered, out var decoded, out _))
        {
            Assert.NotEqual(Payee.PubKey.ToHex(), decoded.PayeeNodeId);
        }
    }

    [Fact]
    public void AmountSats_IsWholeSatoshisOnly()
    {
        Assert.Equal(21, (Sample() with { AmountMsat = 21_000 }).AmountSats);
        Assert.Null((Sample() with { AmountMsat = 21_001 }).AmountSats);
        Assert.Null((Sample() with { AmountMsat = null }).AmountSats);
    }

    private static byte[] RandomBytes(int count) => System.Security.Cryptography.RandomNumberGenerator.GetBytes(count);
}
