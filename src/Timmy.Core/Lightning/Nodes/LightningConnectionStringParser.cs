namespace Timmy.Core.Lightning.Nodes;

/// <summary>Turns the text of a connection string into a <see cref="LightningConnectionString"/>, refusing the first
/// problem with a message that names its key.</summary>
internal static class LightningConnectionStringParser
{
    private static readonly Dictionary<string, string[]> KeysByType = new(StringComparer.Ordinal)
    {
        [LightningNodeKind.LndRest] = ["type", "server", "macaroon", "macaroonfilepath", "certthumbprint", "allowinsecure"],
        [LightningNodeKind.CoreLightningRest] = ["type", "server", "rune", "certthumbprint", "allowinsecure"],
        [LightningNodeKind.Lnbits] = ["type", "server", "api-key", "certthumbprint", "allowinsecure"],
        [LightningNodeKind.Simulated] = ["type"],
    };

    public static LightningConnectionString Parse(string? value)
    {
        var pairs = Split(value);
        if (!pairs.TryGetValue("type", out var type) || type.Length == 0)
        {
            throw Invalid("type", "is missing; use one of " + string.Join(", ", LightningNodeKind.All));
        }
        type = type.ToLowerInvariant();
        if (!KeysByType.TryGetValue(type, out var allowed))
        {
            throw Invalid("type", $"'{type}' is not a known node type; use one of " + string.Join(", ", LightningNodeKind.All));
        }
        var unknown = pairs.Keys.FirstOrDefault(k => !allowed.Contains(k));
        if (unknown is not null)
        {
            throw Invalid(unknown, $"is not a key of type '{type}' (allowed: {string.Join(", ", allowed)})");
        }
        if (type == LightningNodeKind.Simulated)
        {
            return new LightningConnectionString(type);
        }

        var allowInsecure = ParseBool(pairs, "allowinsecure");
        return new LightningConnectionString(type)
        {
            Server = ParseServer(pairs, allowInsecure),
            AllowInsecure = allowInsecure,
            CertThumbprint = ParseThumbprint(pairs),
            MacaroonHex = type == LightningNodeKind.LndRest ? ParseMacaroon(pairs) : null,
            MacaroonFilePath = pairs.GetValueOrDefault("macaroonfilepath"),
            Rune = type == LightningNodeKind.CoreLightningRest ? Required(pairs, "rune", "the rune that lets this app call the node") : null,
            ApiKey = type == LightningNodeKind.Lnbits ? Required(pairs, "api-key", "the wallet's admin key") : null,
        };
    }

    private static Dictionary<string, string> Split(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw Invalid("type", "the connection string is empty");
        }
        var pairs = new Dictionary<string, string>(StringComparer.Ordinal);
        var position = 0;
        foreach (var segment in value.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            position++;
            var equals = segment.IndexOf('=');
            if (equals <= 0)
            {
                // The segment could be a pasted secret, so it is named by position only.
                throw Invalid($"#{position}", "is not of the form key=value");
            }
            var key = segment[..equals].Trim().ToLowerInvariant();
            if (!pairs.TryAdd(key, segment[(equals + 1)..].Trim()))
            {
                throw Invalid(key, "appears more than once");
            }
        }
        return pairs;
    }

    private static Uri ParseServer(Dictionary<string, string> pairs, bool allowInsecure)
    {
        var text = Required(pairs, "server", "the node's REST address, such as https://127.0.0.1:8080");
        if (!Uri.TryCreate(text, UriKind.Absolute, out var server) || (server.Scheme != Uri.UriSchemeHttps && server.Scheme != Uri.UriSchemeHttp))
        {
            throw Invalid("server", "must be an absolute http:// or https:// URL");
        }
        if (server.Scheme == Uri.UriSchemeHttp && !allowInsecure && !server.IsLoopback)
        {
            throw Invalid("server", "plain http:// to another machine sends the credential unencrypted; use https:// or add allowinsecure=true");
        }
        return server;
    }

    private static string? ParseThumbprint(Dictionary<string, string> pairs)
    {
        if (!pairs.TryGetValue("certthumbprint", out var text))
        {
            return null;
        }
        var hex = text.Replace(":", "", StringComparison.Ordinal).ToLowerInvariant();
        if (hex.Length != 64 || !IsHex(hex))
        {
            throw Invalid("certthumbprint", "must be the certificate's SHA-256 fingerprint: 64 hex digits (colons allowed)");
        }
        return hex;
    }

    private static string ParseMacaroon(Dictionary<string, string> pairs)
    {
        var hex = pairs.GetValueOrDefault("macaroon");
        var path = pairs.GetValueOrDefault("macaroonfilepath");
        if (hex is not null && path is not null)
        {
            throw Invalid("macaroon", "give either macaroon or macaroonfilepath, not both");
        }
        if (path is not null)
        {
            return ReadMacaroonFile(path);
        }
        if (string.IsNullOrEmpty(hex))
        {
            throw Invalid("macaroon", "is missing; give macaroon=<hex> or macaroonfilepath=<path to admin.macaroon>");
        }
        if (hex.Length % 2 != 0 || !IsHex(hex))
        {
            throw Invalid("macaroon", "must be hex (as printed by xxd -p -c 1000 admin.macaroon)");
        }
        return hex.ToLowerInvariant();
    }

    private static string ReadMacaroonFile(string path)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw Invalid("macaroonfilepath", $"the file '{path}' cannot be read ({e.GetType().Name})");
        }
        if (bytes.Length == 0)
        {
            throw Invalid("macaroonfilepath", $"the file '{path}' is empty");
        }
        return Convert.ToHexStringLower(bytes);
    }

    private static bool ParseBool(Dictionary<string, string> pairs, string key)
    {
        if (!pairs.TryGetValue(key, out var text))
        {
            return false;
        }
        return bool.TryParse(text, out var value) ? value : throw Invalid(key, "must be true or false");
    }

    private static string Required(Dictionary<string, string> pairs, string key, string what) =>
        pairs.TryGetValue(key, out var value) && value.Length > 0 ? value : throw Invalid(key, "is missing: " + what);

    private static bool IsHex(string text) => text.All(char.IsAsciiHexDigit);

    private static InvalidLightningConnectionStringException Invalid(string key, string reason) => new(key, reason);
}
