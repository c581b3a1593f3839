using System.Buffers;
using System.Text;
using System.Text.Json;

namespace Timmy.Core.Events;

/// <summary>Makes any caller-supplied value safe to store and show (the spec's "log injection"
/// mitigation): control characters and line breaks are written out as visible escapes so one value can
/// never look like two entries, over-long values are cut with a marker, values under secret-looking keys
/// are redacted, and deep or huge data is bounded.</summary>
public static class EventSanitizer
{
    public const int MaxFieldLength = 128;
    public const int MaxSourceLength = 100;
    public const int MaxStringValueLength = 2000;
    public const int MaxDepth = 8;
    public const int MaxItems = 100;
    public const string Redacted = "[redacted]";

    // Matched against the key in lower case with separators removed ("X-Api-Key" → "xapikey").
    private static readonly string[] SecretKeyParts =
        ["password", "passwd", "token", "apikey", "macaroon", "preimage", "secret", "authorization", "cookie", "privatekey"];

    /// <summary>Escapes control characters and cuts to <paramref name="maxLength"/> with a marker.</summary>
    public static string Text(string value, int maxLength)
    {
        var builder = new StringBuilder(Math.Min(value.Length, maxLength) + 16);
        foreach (var c in value)
        {
            switch (c)
            {
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                default:
                    if (char.IsControl(c) || c is '\u2028' or '\u2029' || IsBidiControl(c))
                    {
                        builder.Append("\\u").Append(((int)c).ToString("x4"));
                    }
                    else
                    {
                        builder.Append(c);
                    }
                    break;
            }
        }
        if (builder.Length <= maxLength)
        {
            return builder.ToString();
        }
        var cut = builder.Length - maxLength;
        var keep = maxLength;
        if (char.IsHighSurrogate(builder[keep - 1]))
        {
            keep--;
        }
        return builder.ToString(0, keep) + $"…[truncated {cut} chars]";
    }

    /// <summary>Sanitises an optional identifier; blank becomes null.</summary>
    public static string? OptionalField(string? value) =>
        string.IsNullOrWhiteSpace(value) ? null : Text(value.Trim(), MaxFieldLength);

    /// <summary>Turns any data value into a sanitised JSON object. Non-objects are wrapped as <c>{"value": …}</c>.
    /// One pass: the value is serialised once, then walked and written out clean.</summary>
    public static JsonElement Data(object? data)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = EventJson.Options.Encoder }))
        {
            switch (data)
            {
                case null:
                    writer.WriteStartObject();
                    writer.WriteEndObject();
                    break;
                case JsonElement element:
                    WriteRoot(writer, element);
                    break;
                default:
                    using (var document = JsonSerializer.SerializeToDocument(data, data.GetType(), EventJson.Options))
                    {
                        WriteRoot(writer, document.RootElement);
                    }
                    break;
            }
        }
        return JsonSerializer.Deserialize<JsonElement>(buffer.WrittenSpan);
    }

    /// <summary>Whether values under <paramref name="key"/> are redacted: it names a secret ("password",
    /// "access_token", "authToken", "x-api-key", "api_tokens"), and is not a name, id or count of one
    /// ("token_id", "token_name", "tokens_in", "max_tokens", "api_key_env" hold no secret and are worth reading).</summary>
    public static bool IsSecretKey(string key)
    {
        // Most keys name no secret: find that out without allocating (this runs for every key of every event).
        Span<char> compact = key.Length <= 256 ? stackalloc char[key.Length] : new char[key.Length];
        var length = 0;
        foreach (var c in key)
        {
            if (char.IsLetterOrDigit(c))
            {
                compact[length++] = char.ToLowerInvariant(c);
            }
        }
        if (!ContainsSecretPart(compact[..length]))
        {
            return false;
        }
        var words = SplitWords(key);
        return words.Length == 1 || !(NotSecretLastWords.Contains(words[^1]) || IsTokenCount(words));
    }

    /// <summary>"max_tokens", "tokens_in", "prompt_tokens": a number of LLM tokens, not a list of credentials
    /// ("api_tokens", "refresh_tokens" stay secret).</summary>
    private static bool IsTokenCount(string[] words) =>
        words.Contains("tokens") && words.All(w => w == "tokens" || TokenCountWords.Contains(w));

    private static readonly HashSet<string> TokenCountWords =
        ["max", "prompt", "completion", "total", "input", "output", "in", "out", "used", "count", "per", "second", "estimated"];

    private static bool ContainsSecretPart(ReadOnlySpan<char> compact)
    {
        foreach (var part in SecretKeyParts)
        {
            if (compact.IndexOf(part, StringComparison.Ordinal) >= 0)
            {
                return true;
            }
        }
        return false;
    }

    private static readonly HashSet<string> NotSecretLastWords = ["id", "ids", "name", "prefix", "scopes", "count", "env"];

    /// <summary>"authToken" → [auth, token]; "X-Api-Key" → [x, api, key].</summary>
    private static string[] SplitWords(string key)
    {
        var snake = new StringBuilder(key.Length + 4);
        for (var i = 0; i < key.Length; i++)
        {
            var c = key[i];
            if (char.IsUpper(c) && i > 0 && char.IsLower(key[i - 1]))
            {
                snake.Append('_');
            }
            snake.Append(c is '-' or '.' or ' ' ? '_' : char.ToLowerInvariant(c));
        }
        return snake.ToString().Split('_', StringSplitOptions.RemoveEmptyEntries);
    }

    private static void WriteRoot(Utf8JsonWriter writer, JsonElement root)
    {
        if (root.ValueKind == JsonValueKind.Object)
        {
            WriteClean(writer, root, depth: 0);
            return;
        }
        writer.WriteStartObject();
        if (root.ValueKind != JsonValueKind.Undefined)
        {
            writer.WritePropertyName("value");
            WriteClean(writer, root, depth: 1);
        }
        writer.WriteEndObject();
    }

    private static void WriteClean(Utf8JsonWriter writer, JsonElement element, int depth)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object or JsonValueKind.Array when depth >= MaxDepth:
                writer.WriteStringValue("[too deep]");
                break;
            case JsonValueKind.Object:
                WriteObject(writer, element, depth);
                break;
            case JsonValueKind.Array:
                writer.WriteStartArray();
                var items = 0;
                foreach (var item in element.EnumerateArray())
                {
                    if (++items > MaxItems)
                    {
                        writer.WriteStringValue($"…[{element.GetArrayLength() - MaxItems} more items]");
                        break;
                    }
                    WriteClean(writer, item, depth + 1);
                }
                writer.WriteEndArray();
                break;
            case JsonValueKind.String:
                writer.WriteStringValue(Text(element.GetString()!, MaxStringValueLength));
                break;
            default:
                element.WriteTo(writer);
                break;
        }
    }

    private static void WriteObject(Utf8JsonWriter writer, JsonElement obj, int depth)
    {
        writer.WriteStartObject();
        HashSet<string>? written = null;
        var count = 0;
        foreach (var property in obj.EnumerateObject())
        {
            if (++count > MaxItems)
            {
                writer.WriteString("_truncated", $"{obj.GetPropertyCount() - MaxItems} more keys");
                break;
            }
            var key = Text(property.Name, MaxFieldLength);
            // Duplicate keys (in the input, or made equal by escaping): the first one stands.
            if (!(written ??= new HashSet<string>(StringComparer.Ordinal)).Add(key))
            {
                continue;
            }
            writer.WritePropertyName(key);
            if (IsSecretKey(property.Name) && property.Value.ValueKind != JsonValueKind.Null)
            {
                writer.WriteStringValue(Redacted);
            }
            else
            {
                WriteClean(writer, property.Value, depth + 1);
            }
        }
        writer.WriteEndObject();
    }

    private static bool IsBidiControl(char c) => c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069';
}
