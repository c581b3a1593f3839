using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Timmy.Core.Lightning.Nodes;

/// <summary>Builds the HTTP handler a node client talks through: the platform's certificate checks, or, when the
/// connection string pins a <c>certthumbprint</c>, exactly that certificate (LND and Core Lightning usually serve a
/// self-signed one).</summary>
public static class LightningHttp
{
    public static HttpMessageHandler CreateHandler(LightningConnectionString connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var handler = new SocketsHttpHandler
        {
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            ConnectTimeout = TimeSpan.FromSeconds(15),
        };
        if (connection.CertThumbprint is { } pinned)
        {
            var expected = Convert.FromHexString(pinned);
            handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, _, _) => Matches(certificate, expected);
        }
        return handler;
    }

    private static bool Matches(X509Certificate? certificate, byte[] expected)
    {
        if (certificate is null)
        {
            return false;
        }
        var actual = SHA256.HashData(certificate.GetRawCertData());
        return CryptographicOperations.FixedTimeEquals(actual, expected);
    }
}
