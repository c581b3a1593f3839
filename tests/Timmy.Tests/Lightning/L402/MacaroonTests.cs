using System.Security.Cryptography;
using System.Text;
using Timmy.Core.Lightning.L402;

namespace Timmy.Tests.Lightning.L402;

public sealed class MacaroonTests
{
    private static readonly byte[] ReadmeKey = Encoding.UTF8.GetBytes("this is our super secret key; only we should know it");
    private static readonly byte[] ReadmeId = Encoding.UTF8.GetBytes("we used our secret key");

    [Fact]
    public void Mint_LibmacaroonsReadmeExample_HasItsPublishedSignatures()
    {
        var plain = MacaroonMinter.Mint(ReadmeKey, ReadmeId, "http://mybank/", []);
        var narrowed = MacaroonMinter.Mint(ReadmeKey, ReadmeId, "http://mybank/", ["test = caveat"]);

        Assert.Equal("e3d9e02908526c4c0039ae15114115d97fdd68bf2ba379b342aaf0f617d0552f", Convert.ToHexStringLower(plain.Signature));
        Assert.Equal("197bac7a044af33332865b9266e26d493bdd668a660e44d88ce1a998c23dbd67", Convert.ToHexStringLower(narrowed.Signature));
    }

    [Fact]
    public void Mint_Caveats_ChainHmacSha256FromTheDerivedKey()
    {
        var rootKey = RandomNumberGenerator.GetBytes(32);
        var macaroon = MacaroonMinter.Mint(rootKey, [1, 2, 3], "timmy", ["a=1", "b=2"]);

        var derived = HMACSHA256.HashData(Encoding.ASCII.GetBytes("macaroons-key-generator"), rootKey);
        var expected = HMACSHA256.HashData(derived, new byte[] { 1, 2, 3 });
        expected = HMACSHA256.HashData(expected, "a=1"u8);
        expected = HMACSHA256.HashData(expected, "b=2"u8);
        Assert.Equal(expected, macaroon.Signature);
        Assert.True(MacaroonVerifier.HasValidSignature(macaroon, rootKey));
    }

    [Fact]
    public void Deserialize_GoMacaroonV2Vector_ReadsAndWritesTheSameBytes()
    {
        // A v2 binary macaroon written by go-macaroon (published with pymacaroons' serialization tests): location
        // "tp location", identifier "tp caveat", no caveats; unpadded standard base64.
        const string text = "AgELdHAgbG9jYXRpb24CCXRwIGNhdmVhdAAABiCFBgB/aa4+amVOC5dp8g3Z2l0q94YAcNZ3bBWYn7fepg";

        var macaroon = Macaroon.FromBase64(text);

        Assert.Equal("tp location", macaroon.Location);
        Assert.Equal("tp caveat", Encoding.UTF8.GetString(macaroon.Identifier));
        Assert.Empty(macaroon.Caveats);
        Assert.Equal("8506007f69ae3e6a654e0b9769f20dd9da5d2af7860070d6776c15989fb7dea6", Convert.ToHexStringLower(macaroon.Signature));
        Assert.Equal(MacaroonBase64.Decode(text), macaroon.Serialize());
    }

    [Fact]
    public void Deserialize_GoMacaroonV2VectorWithThirdPartyCaveat_RoundTripsButDoesNotVerify()
    {
        const string text = "AgELbXkgbG9jYXRpb24CDW15IGlkZW50aWZpZXIAAglmcCBjYXZlYXQAAQt0cCBsb2NhdGlvbgIJdHAgY2F2ZWF0BEgAAAAAAAAAAAAAAAAAAA" +
                            "AAAAAAAAAAAAACn8yDEet8ud+825gOjM0pZOVE8/HpV6Zqxac+kl0BYToVaY64VfiwHj5rWgBREOkAAAYgSDs4gcmZDlCZy2aV2jFk2qZNpgQX" +
                            "vK+encTAqZaPZjY";

        var macaroon = Macaroon.FromBase64(text);

        Assert.Equal("my location", macaroon.Location);
        Assert.Equal(["fp caveat", "tp caveat"], macaroon.Caveats.Select(c => c.Text));
        Assert.Equal("tp location", macaroon.Caveats[1].Location);
        Assert.False(macaroon.Caveats[1].IsFirstParty);
        Assert.Equal(MacaroonBase64.Decode(text), macaroon.Serialize());
        Assert.False(MacaroonVerifier.HasValidSignature(macaroon, Encoding.UTF8.GetBytes("my secret key")));
    }

    [Fact]
    public void Serialize_RoundTrip_KeepsEveryField()
    {
        var key = RandomNumberGenerator.GetBytes(32);
        var original = MacaroonMinter.Mint(key, RandomNumberGenerator.GetBytes(66), "timmy", ["services=timmy:standard", new string('x', 300)]);

        var copy = Macaroon.FromBase64(original.ToBase64());

        Assert.Equal(original.Serialize(), copy.Serialize());
        Assert.Equal(original.Identifier, copy.Identifier);
        Assert.Equal(original.Caveats.Select(c => c.Text), copy.Caveats.Select(c => c.Text));
        Assert.True(MacaroonVerifier.HasValidSignature(copy, key));
    }

    [Fact]
    public void FromBase64_UrlSafeUnpadded_IsAccepted()
    {
        var macaroon = MacaroonMinter.Mint(RandomNumberGenerator.GetBytes(32), RandomNumberGenerator.GetBytes(66), null, ["a=b"]);
        var urlSafe = Convert.ToBase64String(macaroon.Serialize()).TrimEnd('=').Replace('+', '-').Replace('/', '_');

        Assert.Equal(macaroon.Serialize(), Macaroon.FromBase64(urlSafe).Serialize());
    }

    [Fact]
    public void Verify_TamperedSignatureCaveatOrIdentifier_IsRefused()
    {
        var key = RandomNumberGenerator.GetBytes(32);
        var macaroon = MacaroonMinter.Mint(key, [0, 0, 7], "timmy", ["timmy_valid_until=100"]);
        var signature = (byte[])macaroon.Signature.Clone();
        signature[0] ^= 1;

        Assert.False(MacaroonVerifier.HasValidSignature(new Macaroon("timmy", macaroon.Identifier, macaroon.Caveats, signature), key));
        Assert.False(MacaroonVerifier.HasValidSignature(
            new Macaroon("timmy", macaroon.Identifier, [MacaroonCaveat.FirstParty("timmy_valid_until=999")], macaroon.Signature), key));
        Assert.False(MacaroonVerifier.HasValidSignature(new Macaroon("timmy", [0, 0, 8], macaroon.Caveats, macaroon.Signature), key));
        Assert.False(MacaroonVerifier.HasValidSignature(new Macaroon("timmy", macaroon.Identifier, [], macaroon.Signature), key));
        Assert.False(MacaroonVerifier.HasValidSignature(macaroon, RandomNumberGenerator.GetBytes(32)));
    }

    [Fact]
    public void Deserialize_EveryTruncation_ThrowsTheFormatException()
    {
        var bytes = MacaroonMinter.Mint(RandomNumberGenerator.GetBytes(32), [1, 2], "timmy", ["a=b"]).Serialize();

        for (var length = 0; length < bytes.Length; length++)
        {
            Assert.Throws<MacaroonFormatException>(() => Macaroon.Deserialize(bytes.AsSpan(0, length)));
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("!!!!")]
    [InlineData("aGVsbG8gdGhlcmUK")]
    [InlineData("AgIAAA")]
    [InlineData("AQEBAQ")]
    [InlineData("Ag////8P")]
    public void FromBase64_Garbage_ThrowsTheFormatException(string text) =>
        Assert.Throws<MacaroonFormatException>(() => Macaroon.FromBase64(text));

    [Fact]
    public void Deserialize_RandomBytes_NeverThrowsAnythingElse()
    {
        var random = new Random(402);
        var valid = MacaroonMinter.Mint(RandomNumberGenerator.GetBytes(32), [1, 2], "timmy", ["a=b"]).Serialize();
        for (var i = 0; i < 2_000; i++)
        {
            var bytes = (byte[])valid.Clone();
            bytes[random.Next(bytes.Length)] = (byte)random.Next(256);
            var noise = new byte[random.Next(1, 40)];
            random.NextBytes(noise);
            foreach (var candidate in new[] { bytes, noise, [.. valid, .. noise] })
            {
                try
                {
                    Macaroon.Deserialize(candidate);
                }
                catch (MacaroonFormatException)
                {
                }
            }
        }
    }

    [Fact]
    public void Identifier_EncodeDecode_RoundTripsAndRefusesOtherVersions()
    {
        var id = L402Identifier.Create(RandomNumberGenerator.GetBytes(32), RandomNumberGenerator.GetBytes(32));
        var bytes = id.Encode();

        var decoded = L402Identifier.Decode(bytes);
        bytes[1] = 1;

        Assert.Equal(66, bytes.Length);
        Assert.Equal(id.PaymentHashHex, decoded.PaymentHashHex);
        Assert.Equal(id.TokenIdHex, decoded.TokenIdHex);
        Assert.Throws<MacaroonFormatException>(() => L402Identifier.Decode(bytes));
        Assert.Throws<MacaroonFormatException>(() => L402Identifier.Decode(id.Encode().AsSpan(0, 40)));
    }
}
