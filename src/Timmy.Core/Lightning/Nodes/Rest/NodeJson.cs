using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Timmy.Core.Lightning.Nodes.Rest;

/// <summary>How the node clients read and write JSON: snake_case names (all three nodes use them), 64-bit numbers
/// that may arrive as strings (LND's gateway writes them so), and nulls left out of requests.</summary>
internal static class NodeJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        NumberHandling = JsonNumberHandling.AllowReadingFromString,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>A timestamp given as Unix seconds (number or numeric string) or as ISO-8601 text.</summary>
    public static DateTimeOffset? ReadTimestamp(JsonElement? value)
    {
        if (value is not { } element)
        {
            return null;
        }
        if (element.ValueKind == JsonValueKind.Number && element.TryGetDouble(out var seconds))
        {
            return DateTimeOffset.FromUnixTimeMilliseconds((long)(seconds * 1000));
        }
        if (element.ValueKind != JsonValueKind.String)
        {
            return null;
        }
        var text = element.GetString();
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out seconds))
        {
            return DateTimeOffset.FromUnixTimeMilliseconds((long)(seconds * 1000));
        }
        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed) ? parsed : null;
    }

    /// <summary>The string at <paramref name="name"/> in an object, or null.</summary>
    public static string? ReadString(JsonElement? body, string name) =>
        body is { ValueKind: JsonValueKind.Object } element && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    /// <summary>The integer at <paramref name="name"/> in an object, or null.</summary>
    public static long? ReadInteger(JsonElement? body, string name) =>
        body is { ValueKind: JsonValueKind.Object } element && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var number)
            ? number
            : null;
}
