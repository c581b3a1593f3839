namespace Timmy.Core.Lightning.Nodes;

/// <summary>
/// A parsed, validated BTCPay-style connection string (<c>key=value;key=value</c>, keys case-insensitive) naming
/// which node to talk to and how: <c>type</c>, <c>server</c>, the credential (<c>macaroon</c> or
/// <c>macaroonfilepath</c> for LND, <c>rune</c> for Core Lightning, <c>api-key</c> for LNbits), and optionally
/// <c>certthumbprint</c> (SHA-256 of the server certificate, pinned) and <c>allowinsecure=true</c> (plain http to a
/// host other than this machine). <see cref="ToString"/> masks every credential.
/// </summary>
public sealed class LightningConnectionString
{
    internal LightningConnectionString(string type)
    {
        Type = type;
    }

    /// <summary>One of <see cref="LightningNodeKind"/>.</summary>
    public string Type { get; }

    public Uri? Server { get; internal init; }

    /// <summary>The LND macaroon as hex, read from <see cref="MacaroonFilePath"/> when the string names a file.</summary>
    public string? MacaroonHex { get; internal init; }

    public string? MacaroonFilePath { get; internal init; }

    /// <summary>Lower-case hex SHA-256 of the server certificate to accept, self-signed or not.</summary>
    public string? CertThumbprint { get; internal init; }

    public bool AllowInsecure { get; internal init; }

    public string? Rune { get; internal init; }

    public string? ApiKey { get; internal init; }

    /// <summary>Parses and checks <paramref name="value"/>; throws <see cref="InvalidLightningConnectionStringException"/>
    /// naming the first bad key.</summary>
    public static LightningConnectionString Parse(string? value) => LightningConnectionStringParser.Parse(value);

    public static bool TryParse(string? value, out LightningConnectionString? result, out string? error)
    {
        try
        {
            result = Parse(value);
            error = null;
            return true;
        }
        catch (InvalidLightningConnectionStringException e)
        {
            result = null;
            error = e.Message;
            return false;
        }
    }

    public override string ToString()
    {
        var parts = new List<string> { "type=" + Type };
        if (Server is not null)
        {
            parts.Add("server=" + (string.IsNullOrEmpty(Server.UserInfo) ? Server.ToString() : Server.ToString().Replace(Server.UserInfo + "@", "***@", StringComparison.Ordinal)));
        }
        if (MacaroonFilePath is not null)
        {
            parts.Add("macaroonfilepath=" + MacaroonFilePath);
        }
        else if (MacaroonHex is not null)
        {
            parts.Add("macaroon=***");
        }
        if (Rune is not null)
        {
            parts.Add("rune=***");
        }
        if (ApiKey is not null)
        {
            parts.Add("api-key=***");
        }
        if (CertThumbprint is not null)
        {
            parts.Add("certthumbprint=" + CertThumbprint);
        }
        if (AllowInsecure)
        {
            parts.Add("allowinsecure=true");
        }
        return string.Join(';', parts);
    }
}
