using System.Security.Cryptography;
using System.Text;
using NBitcoin;
using Timmy.Core.Lightning.Bolt11;
using Spec = Timmy.Tests.Lightning.Bolt11.Bolt11SpecExamples;

namespace Timmy.Tests.Lightning.Bolt11;

/// <summary>Every example of BOLT #11: each valid one decodes to exactly the fields the specification lists and
/// encodes back (to the same string where the example's fields are in this codec's order), each invalid one is
/// refused for its reason.</summary>
public sealed class Bolt11SpecExampleTests
{
    private static readonly Key SpecKey = new(Convert.FromHexString(Spec.PrivateKey));

    private static readonly string ChocolateHash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Spec.ChocolateList)));

    [Fact]
    public void SpecKey_IsTheExamplesNodeId() => Assert.Equal(Spec.NodeId, SpecKey.PubKey.ToHex());

    [Fact]
    public void Donation_AnyAmount_DecodesAndReencodesExactly()
    {
        var decoded = AssertDecodes(Spec.Donation, Modern() with { Description = "Please consider supporting this project" });
        Assert.Null(decoded.AmountMsat);
        Assert.Null(decoded.AmountSats);
        Assert.Equal(["var_onion_optin (8, required)", "payment_secret (14, required)"], decoded.Features!.Describe());
        AssertReencodesExactly(Spec.Donation);
    }

    [Fact]
    public void Coffee_WithinOneMinute_DecodesAndReencodesExactly()
    {
        var decoded = AssertDecodes(Spec.Coffee, Modern(amountMsat: 250_000_000) with { Description = "1 cup coffee", Expiry = TimeSpan.FromSeconds(60) });
        Assert.Equal(250_000, decoded.AmountSats);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(Spec.Timestamp + 60), decoded.ExpiresAt);
        AssertReencodesExactly(Spec.Coffee);
    }

    [Fact]
    public void Nonsense_JapaneseDescription_DecodesAndReencodesExactly()
    {
        AssertDecodes(Spec.Nonsense, Modern(amountMsat: 250_000_000) with { Description = "ナンセンス 1杯", Expiry = TimeSpan.FromSeconds(60) });
        AssertReencodesExactly(Spec.Nonsense);
    }

    [Fact]
    public void Hashed_DescriptionHash_DecodesAndReencodesExactly()
    {
        AssertDecodes(Spec.Hashed, Modern(amountMsat: 2_000_000_000) with { DescriptionHash = ChocolateHash });
        AssertReencodesExactly(Spec.Hashed);
    }

    [Fact]
    public void Testnet_P2pkhFallback_Decodes()
    {
        var decoded = AssertDecodes(Spec.TestnetP2pkh, Modern("tb", 2_000_000_000) with
        {
            DescriptionHash = ChocolateHash,
            Fallbacks = [FallbackFor("mk2QpYatsKicvFVuTAQLBryyccRXMUaGHP", Network.TestNet)],
        });
        Assert.Equal(["mk2QpYatsKicvFVuTAQLBryyccRXMUaGHP"], decoded.FallbackAddresses);
        AssertRoundTrips(decoded);
    }

    [Fact]
    public void RouteHints_TwoHops_DecodesAndReencodesExactly()
    {
        var decoded = AssertDecodes(Spec.RouteHints, Modern(amountMsat: 2_000_000_000) with
        {
            DescriptionHash = ChocolateHash,
            Fallbacks = [FallbackFor("1RustyRX2oai4EYYDpQGWvEL62BBGqN9T", Network.Main)],
            RouteHints =
            [
                [
                    new Bolt11RouteHop("029e03a901b85534ff1e92c43c74431f7ce72046060fcf7a95c37e148f78c77255", 0x0102030405060708, 1, 20, 3),
                    new Bolt11RouteHop("039e03a901b85534ff1e92c43c74431f7ce72046060fcf7a95c37e148f78c77255", 0x030405060708090a, 2, 30, 4),
                ],
            ],
        });
        Assert.Equal(["1RustyRX2oai4EYYDpQGWvEL62BBGqN9T"], decoded.FallbackAddresses);
        Assert.Equal(["66051x263430x1800", "197637x395016x2314"], decoded.RouteHints[0].Select(h => h.ShortChannelIdText));
        AssertReencodesExactly(Spec.RouteHints);
    }

    [Theory]
    [InlineData(Spec.P2sh, "3EktnHQD7RiAE6uzMj2ZifT9YgRrkSgzQX")]
    [InlineData(Spec.P2wpkh, "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4")]
    [InlineData(Spec.P2wsh, "bc1qrp33g0q5c5txsp9arysrx4k6zdkfs4nce4xj0gdcccefvpysxf3qccfmv3")]
    public void MainnetFallback_Decodes(string invoice, string address)
    {
        var decoded = AssertDecodes(invoice, Modern(amountMsat: 2_000_000_000) with
        {
            DescriptionHash = ChocolateHash,
            Fallbacks = [FallbackFor(address, Network.Main)],
        });
        Assert.Equal([address], decoded.FallbackAddresses);
        AssertRoundTrips(decoded);
    }

    [Fact]
    public void Pico_AmountAndPrivateRoute_Decodes()
    {
        var decoded = AssertDecodes(Spec.Pico, Modern(amountMsat: 967_878_534) with
        {
            Timestamp = DateTimeOffset.FromUnixTimeSeconds(1572468703),
            PaymentHash = "462264ede7e14047e9b249da94fefc47f41f7d02ee9b091815a5506bc8abf75f",
            Description = "Blockstream Store: 88.85 USD for Blockstream Ledger Nano S x 1, \"Back In My Day\" Sticker x 2, \"I Got Lightning Working\" Sticker x 2 and 1 more items",
            Expiry = TimeSpan.FromSeconds(604800),
            MinFinalCltvExpiry = 10,
            RouteHints = [[new Bolt11RouteHop("03d06758583bb5154774a6eb221b1276c9e82d65bbaceca806d90e20c108f4b1c7", (589390UL << 40) | (3312UL << 16) | 1, 1000, 2500, 40)]],
        });
        Assert.Equal("589390x3312x1", decoded.RouteHints[0][0].ShortChannelIdText);
        Assert.Null(decoded.AmountSats);
        Assert.False(decoded.HasWholeSatoshiAmount);
        AssertRoundTrips(decoded);
    }

    [Theory]
    [InlineData(Spec.CoffeeBeans)]
    [InlineData(Spec.CoffeeBeansUpperCase)]
    [InlineData(Spec.CoffeeBeansWithIgnoredFields)]
    public void CoffeeBeans_UnknownOddFeature_Decodes(string invoice)
    {
        var decoded = AssertDecodes(invoice, Modern(amountMsat: 2_500_000_000) with { Description = "coffee beans", Features = new([8, 14, 99]) });
        Assert.True(decoded.Features!.IsSet(99));
        Assert.False(decoded.Features.IsSet(100));
        Assert.Equal("unknown (99, optional)", decoded.Features.Describe()[^1]);
        AssertRoundTrips(decoded);
    }

    [Fact]
    public void Metadata_Decodes()
    {
        var decoded = AssertDecodes(Spec.Metadata, Modern(amountMsat: 1_000_000_000) with
        {
            Description = "payment metadata inside",
            PaymentMetadata = "01fafaf0",
            Features = new([8, 14, 48]),
        });
        AssertRoundTrips(decoded);
    }

    [Fact]
    public void EveryValidExample_Decodes() =>
        Assert.All(Spec.Valid, invoice => Assert.True(Bolt11Codec.TryDecode(invoice, out _, out var error), error));

    [Theory]
    [InlineData(Spec.UnknownRequiredFeature, "the invoice requires feature bit 100, which this node does not understand")]
    [InlineData(Spec.BadChecksum, "bech32 checksum is wrong")]
    [InlineData(Spec.NoSeparator, "no bech32 separator '1'")]
    [InlineData(Spec.MixedCase, "mixes upper and lower case")]
    [InlineData(Spec.SignatureNotRecoverable, "signature is not recoverable")]
    [InlineData(Spec.TooShort, "too short to hold a timestamp and a signature")]
    [InlineData(Spec.InvalidMultiplier, "invalid amount multiplier 'x'")]
    [InlineData(Spec.SubMillisatoshi, "amount in pico-bitcoin is not a whole number of millisatoshis")]
    public void InvalidExample_IsRefusedWithItsReason(string invoice, string reason)
    {
        var refused = Assert.Throws<InvalidInvoiceException>(() => Bolt11Codec.Decode(invoice));
        Assert.Equal("invalid invoice: " + reason, refused.Message);
        Assert.False(Bolt11Codec.TryDecode(invoice, out _, out var error));
        Assert.Equal(refused.Message, error);
    }

    /// <summary>The fields all but the last few examples share: mainnet, the examples' time, hash and secret, and
    /// features 8 and 14.</summary>
    private static Bolt11Invoice Modern(string network = "bc", long? amountMsat = null) => new()
    {
        Network = network,
        AmountMsat = amountMsat,
        Timestamp = DateTimeOffset.FromUnixTimeSeconds(Spec.Timestamp),
        PaymentHash = Spec.PaymentHash,
        PaymentSecret = Spec.PaymentSecret,
        Features = new([8, 14]),
    };

    private static Bolt11Invoice AssertDecodes(string invoice, Bolt11Invoice expected)
    {
        var decoded = Bolt11Codec.Decode(invoice);
        Assert.Equal(expected with { PayeeNodeId = Spec.NodeId, Bolt11 = invoice.ToLowerInvariant() }, decoded);
        return decoded;
    }

    private static void AssertReencodesExactly(string invoice) =>
        Assert.Equal(invoice, Bolt11Codec.Encode(Bolt11Codec.Decode(invoice), SpecKey));

    private static void AssertRoundTrips(Bolt11Invoice decoded)
    {
        var encoded = Bolt11Codec.Encode(decoded, SpecKey);
        Assert.Equal(decoded with { Bolt11 = encoded }, Bolt11Codec.Decode(encoded));
    }

    private static Bolt11Fallback FallbackFor(string address, Network network)
    {
        var destination = BitcoinAddress.Create(address, network);
        var script = destination.ScriptPubKey.ToBytes();
        return destination switch
        {
            BitcoinPubKeyAddress => new(Bolt11Fallback.PayToPubKeyHash, Convert.ToHexStringLower(script[3..23])),
            BitcoinScriptAddress => new(Bolt11Fallback.PayToScriptHash, Convert.ToHexStringLower(script[2..22])),
            _ => new(0, Convert.ToHexStringLower(script[2..])),
        };
    }
}
