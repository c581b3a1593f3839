using Timmy.Core.Lightning.Nodes;

namespace Timmy.Tests.Lightning.Nodes;

public sealed class LightningConnectionStringTests
{
    private const string Macaroon = "0201036c6e6402f801030a10";

    [Fact]
    public void Parse_LndWithMacaroon_ReadsEveryKey()
    {
        var parsed = LightningConnectionString.Parse($"TYPE=lnd-rest; Server=https://node.example:8080/ ;macaroon={Macaroon.ToUpperInvariant()};certthumbprint={new string('A', 64)};allowinsecure=false");

        Assert.Equal(LightningNodeKind.LndRest, parsed.Type);
        Assert.Equal(new Uri("https://node.example:8080/"), parsed.Server);
        Assert.Equal(Macaroon, parsed.MacaroonHex);
        Assert.Equal(new string('a', 64), parsed.CertThumbprint);
        Assert.False(parsed.AllowInsecure);
    }

    [Fact]
    public void Parse_MacaroonFile_IsReadAsHex()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllBytes(path, Convert.FromHexString(Macaroon));

            var parsed = LightningConnectionString.Parse($"type=lnd-rest;server=https://node.example:8080;macaroonfilepath={path}");

            Assert.Equal(Macaroon, parsed.MacaroonHex);
            Assert.Equal(path, parsed.MacaroonFilePath);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("type=clightning-rest;server=https://cln.example:3010;rune=abc123", LightningNodeKind.CoreLightningRest)]
    [InlineData("type=lnbits;server=https://lnbits.example/;api-key=0123456789abcdef", LightningNodeKind.Lnbits)]
    [InlineData("type=simulated", LightningNodeKind.Simulated)]
    [InlineData("type=lnd-rest;server=http://127.0.0.1:8080;macaroon=00ff", LightningNodeKind.LndRest)]
    [InlineData("type=lnd-rest;server=http://localhost:8080;macaroon=00ff;", LightningNodeKind.LndRest)]
    [InlineData("type=lnbits;server=http://lnbits.lan;api-key=k;allowinsecure=true", LightningNodeKind.Lnbits)]
    public void Parse_ValidStrings_AreAccepted(string value, string kind)
    {
        Assert.Equal(kind, LightningConnectionString.Parse(value).Type);
    }

    [Theory]
    [InlineData("", "type", "empty")]
    [InlineData("server=https://x", "type", "missing")]
    [InlineData("type=eclair;server=https://x", "type", "not a known node type")]
    [InlineData("type=lnd-rest;macaroon=00", "server", "missing")]
    [InlineData("type=lnd-rest;server=node.example;macaroon=00", "server", "absolute")]
    [InlineData("type=lnd-rest;server=ftp://node.example;macaroon=00", "server", "absolute")]
    [InlineData("type=lnd-rest;server=http://node.example:8080;macaroon=00", "server", "allowinsecure=true")]
    [InlineData("type=lnd-rest;server=https://x", "macaroon", "missing")]
    [InlineData("type=lnd-rest;server=https://x;macaroon=xyz1", "macaroon", "hex")]
    [InlineData("type=lnd-rest;server=https://x;macaroon=00;macaroonfilepath=/tmp/a", "macaroon", "not both")]
    [InlineData("type=lnd-rest;server=https://x;macaroonfilepath=/nonexistent/admin.macaroon", "macaroonfilepath", "cannot be read")]
    [InlineData("type=lnd-rest;server=https://x;macaroon=00;certthumbprint=abcd", "certthumbprint", "64 hex digits")]
    [InlineData("type=lnd-rest;server=https://x;macaroon=00;allowinsecure=yes", "allowinsecure", "true or false")]
    [InlineData("type=lnd-rest;server=https://x;macaroon=00;rune=abc", "rune", "not a key of type")]
    [InlineData("type=clightning-rest;server=https://x", "rune", "missing")]
    [InlineData("type=lnbits;server=https://x", "api-key", "missing")]
    [InlineData("type=simulated;server=https://x", "server", "not a key of type")]
    [InlineData("type=lnbits;server=https://x;server=https://y;api-key=k", "server", "more than once")]
    public void Parse_BadStrings_NameTheKeyAndWhy(string value, string key, string reason)
    {
        var error = Assert.Throws<InvalidLightningConnectionStringException>(() => LightningConnectionString.Parse(value));

        Assert.Equal(key, error.Key);
        Assert.Contains($"'{key}'", error.Message);
        Assert.Contains(reason, error.Message);
    }

    [Fact]
    public void Parse_SegmentWithoutEquals_IsNamedByPositionNotContent()
    {
        var error = Assert.Throws<InvalidLightningConnectionStringException>(() => LightningConnectionString.Parse("type=lnbits;supersecretvalue"));

        Assert.Equal("#2", error.Key);
        Assert.DoesNotContain("supersecretvalue", error.Message);
    }

    [Fact]
    public void TryParse_Bad_ReturnsTheMessage()
    {
        Assert.False(LightningConnectionString.TryParse("type=lnbits", out var parsed, out var error));
        Assert.Null(parsed);
        Assert.Contains("server", error);
    }

    [Theory]
    [InlineData("type=lnd-rest;server=https://n.example:8080;macaroon=" + Macaroon, Macaroon, "macaroon=***")]
    [InlineData("type=clightning-rest;server=https://n.example:3010;rune=topsecretrune", "topsecretrune", "rune=***")]
    [InlineData("type=lnbits;server=https://n.example;api-key=topsecretkey", "topsecretkey", "api-key=***")]
    [InlineData("type=lnbits;server=https://user:topsecretpw@n.example;api-key=k1", "topsecretpw", "***@n.example")]
    public void ToString_MasksCredentials(string value, string secret, string masked)
    {
        var printed = LightningConnectionString.Parse(value).ToString();

        Assert.DoesNotContain(secret, printed);
        Assert.Contains(masked, printed);
    }

    [Fact]
    public void ToString_KeepsWhatIsNotSecret()
    {
        var printed = LightningConnectionString.Parse($"type=lnd-rest;server=http://node.lan:8080;macaroon=00;certthumbprint={new string('b', 64)};allowinsecure=true").ToString();

        Assert.Equal($"type=lnd-rest;server=http://node.lan:8080/;macaroon=***;certthumbprint={new string('b', 64)};allowinsecure=true", printed);
    }
}
