using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

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

    private static readonly string[] SecretKeyParts =
        ["password", "passwd", "token", "api_key", "apikey", "macaroon", "preimage", "secret", "authorization", "cookie", "private_key"];

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

    /// <summary>Turns any data value into a sanitised JSON object. Non-objects are wrapped as <c>{"value": …}</c>.</summary>
    public static JsonElement Data(object? data)
    {
        JsonNode? node = data switch
        {
            null => null,
            JsonNode n => n.DeepClone(),
            JsonElement e => JsonNode.Parse(e.GetRawText()),
            _ => JsonSerializer.SerializeToNode(data, data.GetType(), EventJson.Options),
        };
        var obj = node switch
        {
            null => new JsonObject(),
            JsonObject o => o,
            _ => new JsonObject { ["value"] = node },
        };
        var clean = Clean(obj, depth: 0) as JsonObject ?? new JsonObject();
        return JsonSerializer.SerializeToElement(clean, EventJson.Options);
    }

    public static bool IsSecretKey(string key)
    {
        var lower = key.ToLowerInvariant().Replace('-', '_');
        return SecretKeyParts.Any(lower.Contains);
    }

    private static JsonNode? Clean(JsonNode? node, int depth)
    {
        if (depth >= MaxDepth && node is JsonObject or JsonArray)
        {
            return JsonValue.Create("[too deep]");
        }
        switch (node)
        {
            case JsonObject obj:
                var cleanObject = new JsonObject();
                var count = 0;
                foreach (var (key, value) in obj)
                {
                    if (++count > MaxItems)
                    {
                        cleanObject["_truncated"] = $"{obj.Count - MaxItems} more keys";
                        break;
                    }
                    var cleanKey = Text(key, MaxFieldLength);
                    cleanObject[cleanKey] = IsSecretKey(key) && value is not null
                        ? JsonValue.Create(Redacted)
                        : Clean(value, depth + 1);
                }
                return cleanObject;
            case JsonArray array:
                var cleanArray = new JsonArray();
                foreach (var item in array.Take(MaxItems))
                {
                    cleanArray.Add(Clean(item, depth + 1));
                }
                if (array.Count > MaxItems)
                {
                    cleanArray.Add($"…[{array.Count - MaxItems} more items]");
                }
                return cleanArray;
            case JsonValue value when value.GetValueKind() == JsonValueKind.String:
                return JsonValue.Create(Text(value.GetValue<string>(), MaxStringValueLength));
            case null:
                return null;
            default:
                return node.DeepClone();
        }
    }

    private static bool IsBidiControl(char c) => c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069';
}
