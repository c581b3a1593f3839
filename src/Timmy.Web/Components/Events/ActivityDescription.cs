using System.Text.Json;
using Timmy.Core.Events;
using Timmy.Web.Components.Lightning;
using Timmy.Web.Components.Memory;
using Timmy.Web.Components.Swarm;
using Timmy.Web.Components.Upgrades;

namespace Timmy.Web.Components.Events;

/// <summary>The one line an activity item says about its event: the swarm's, the memory's and the payments' own events in a sentence
/// (<see cref="SwarmEventText"/>, <see cref="MemoryEventText"/>, <see cref="LightningEventText"/>, <see cref="UpgradeEventText"/>); others, what it is about (a provider, a token's name), then its message; without a
/// message, its task, agent and first few data fields (lists as their items, not JSON). At most 160 characters.</summary>
public static class ActivityDescription
{
    public const int MaxLength = 160;

    private static readonly string[] SubjectKeys = ["provider", "name"];
    private static readonly string[] MessageKeys = ["message", "description", "title", "summary", "error", "reason", "detail"];

    public static string For(EventRecord e)
    {
        if ((SwarmEventText.Describe(e) ?? MemoryEventText.Describe(e) ?? LightningEventText.Describe(e) ?? UpgradeEventText.Describe(e)) is { } sentence)
        {
            return Clip(sentence);
        }
        var subject = SubjectKeys.Select(k => Text(e.Data, k)).FirstOrDefault(v => v is { Length: > 0 });
        var message = MessageKeys.Select(k => Text(e.Data, k)).FirstOrDefault(v => v is { Length: > 0 });
        if (message is not null)
        {
            return Clip(subject is null ? message : $"{subject}: {message}");
        }
        var parts = new List<string>();
        if (e.TaskId is not null) parts.Add($"task {e.TaskId}");
        if (e.AgentId is not null) parts.Add($"agent {e.AgentId}");
        if (e.Data.ValueKind == JsonValueKind.Object)
        {
            parts.AddRange(e.Data.EnumerateObject().Take(3).Select(p => $"{p.Name}: {Show(p.Value)}"));
        }
        return Clip(parts.Count == 0 ? e.EventType : string.Join(" · ", parts));
    }

    private static string? Text(JsonElement data, string key) =>
        data.ValueKind == JsonValueKind.Object && data.TryGetProperty(key, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    /// <summary>A value as a person reads it: text without quotes, a list as its items separated by commas ("none"
    /// when empty), an object as its fields.</summary>
    private static string Show(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString()!,
        JsonValueKind.Array => value.GetArrayLength() == 0 ? "none" : string.Join(", ", value.EnumerateArray().Select(Show)),
        JsonValueKind.Object => "(" + string.Join(", ", value.EnumerateObject().Select(p => $"{p.Name} {Show(p.Value)}")) + ")",
        _ => value.GetRawText(),
    };

    private static string Clip(string text) => text.Length > MaxLength ? text[..(MaxLength - 1)] + "…" : text;
}
