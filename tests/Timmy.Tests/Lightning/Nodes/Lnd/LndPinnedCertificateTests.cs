using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Timmy.Core.Lightning.Nodes;

namespace Timmy.Tests.Lightning.Nodes.Lnd;

/// <summary>An LND REST server on HTTPS with a self-signed certificate, as LND serves by default: reachable only
/// when the connection string pins that certificate's SHA-256 thumbprint.</summary>
public sealed class LndPinnedCertificateTests : IAsyncLifetime
{
    private readonly X509Certificate2 _certificate = CreateSelfSigned();
    private readonly FakeLndServer _server = new();

    public async ValueTask InitializeAsync() => await _server.StartAsync(_certificate);

    public async ValueTask DisposeAsync()
    {
        await _server.DisposeAsync();
        _certificate.Dispose();
    }

    [Fact]
    public async Task PinnedThumbprint_Matches_TheSelfSignedServerIsAccepted()
    {
        var node = Connect(Convert.ToHexStringLower(SHA256.HashData(_certificate.RawData)));

        var info = await node.GetInfoAsync(TestContext.Current.CancellationToken);

        Assert.Equal("fake-lnd", info.Alias);
    }

    [Fact]
    public async Task PinnedThumbprint_ColonSeparatedUpperCase_IsAccepted()
    {
        var thumbprint = string.Join(':', SHA256.HashData(_certificate.RawData).Select(b => b.ToString("X2")));

        var info = await Connect(thumbprint).GetInfoAsync(TestContext.Current.CancellationToken);

        Assert.Equal("fake-lnd", info.Alias);
    }

    [Fact]
    public async Task PinnedThumbprint_Differs_TheServerIsRefused()
    {
        var node = Connect(new string('a', 64));

        var error = await Assert.ThrowsAsync<LightningNodeException>(() => node.GetInfoAsync(TestContext.Current.CancellationToken));

        Assert.Equal(LightningNodeFailure.Unavailable, error.Failure);
    }

    [Fact]
    public async Task NoThumbprint_TheSelfSignedServerFailsNormalValidation()
    {
        var connection = LightningConnectionString.Parse(_server.ConnectionString());
        var node = LightningNodeClients.Create(connection, null, TimeProvider.System);

        var error = await Assert.ThrowsAsync<LightningNodeException>(() => node.GetInfoAsync(TestContext.Current.CancellationToken));

        Assert.Equal(LightningNodeFailure.Unavailable, error.Failure);
    }

    private ILightningNode Connect(string thumbprint)
    {
        var connection = LightningConnectionString.Parse(_server.ConnectionString() + ";certthumbprint=" + thumbprint);
        return LightningNodeClients.Create(connection, null, TimeProvider.System);
    }

    private static X509Certificate2 CreateSelfSigned()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=fake-lnd", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(System.Net.IPAddress.Loopback);
        names.AddDnsName("localhost");
        request.CertificateExtensions.Add(names.Build());
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
        // Kestrel needs the key in a form it can use on every platform, so round-trip through PKCS#12.
        return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pfx), null);
    }
}
