using System.Text;
using System.Text.Json;

namespace Timmy.Core.Memory.Facts;

/// <summary>Reads a model's answer to <see cref="FactPrompt"/> tolerantly: the first JSON object holding a
/// "facts" array (or a bare array of facts) anywhere in the text, so code fences and prose around it do not
/// matter. Each fact is an object with "text" (1 to <see cref="MaxTextChars"/> characters after trimming;
/// others are dropped) and an optional "key" (kept only when it is one of <see cref="FactKeys.All"/>), or a
/// plain string; at most <see cref="MaxFacts"/> are kept, without repeats.</summary>
internal static class FactJson
{
    public const int MaxFacts = 5;
    public const int MaxTextChars = 300;

    private static readonly JsonReaderOptions Lenient = new()
    {
        AllowTrailingCommas = true,
        CommentHandling = JsonCommentHandling.Skip,
    };

    /// <summary>The facts in the answer, or null when no readable facts value is in it.</summary>
    public static IReadOnlyList<StatedFact>? Read(string? answer)
    {
        if (string.IsNullOrWhiteSpace(answer))
        {
            return null;
        }
        var bytes = Encoding.UTF8.GetBytes(answer);
        for (var i = 0; i < bytes.Length; i++)
        {
            if ((bytes[i] == '{' || bytes[i] == '[') && TryValue(bytes.AsSpan(i)) is { } facts)
            {
                return facts;
            }
        }
        return null;
    }

    private static IReadOnlyList<StatedFact>? TryValue(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json, Lenient);
        try
        {
            using var document = JsonDocument.ParseValue(ref reader);
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("facts", out var list) &&
                list.ValueKind == JsonValueKind.Array)
            {
                return Facts(list);
            }
            return root.ValueKind == JsonValueKind.Array && root.EnumerateArray().All(IsFactShaped) ? Facts(root) : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static bool IsFactShaped(JsonElement item) =>
        item.ValueKind == JsonValueKind.String ||
        (item.ValueKind == JsonValueKind.Object && item.TryGetProperty("text", out _));

    private static List<StatedFact> Facts(JsonElement list)
    {
        var facts = new List<StatedFact>();
        foreach (var item in list.EnumerateArray())
        {
            if (facts.Count == MaxFacts)
            {
                break;
            }
            if (Fact(item) is { } fact && !facts.Any(f => string.Equals(f.Text, fact.Text, StringComparison.OrdinalIgnoreCase)))
            {
                facts.Add(fact);
            }
        }
        return facts;
    }

    private static StatedFact? Fact(JsonElement item)
    {
        string? text = null;
        string? key = null;
        if (item.ValueKind == JsonValueKind.String)
        {
            text = item.GetString();
        }
        else if (item.ValueKind == JsonValueKind.Object)
        {
            text = item.TryGetProperty("text", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
            key = item.TryGetProperty("key", out var k) && k.ValueKind == JsonValueKind.String ? k.GetString() : null;
        }
        text = text?.Trim();
        if (string.IsNullOrEmpty(text) || text.Length > MaxTextChars)
        {
            return null;
        }
        if (text.StartsWith("The user", StringComparison.Ordinal))
        {
            text = "The owner" + text["The user".Length..];
        }
        return new StatedFact(text, FactKeys.Normalise(key));
    }
}
