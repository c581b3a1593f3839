using System.Text.Json;

namespace Timmy.Web.Components.Events;

/// <summary>Whether an event's data is long enough that its row shows it clipped, with a control to show it all:
/// a rough count of the lines <see cref="EventDataView"/> takes in a narrow column (each value a line, plus one per
/// <see cref="CharsPerLine"/> characters and per line break in it).</summary>
public static class EventDataLength
{
    public const int MaxLines = 8;
    public const int CharsPerLine = 50;

    public static bool IsLong(JsonElement data) => Lines(data) > MaxLines;

    private static int Lines(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => value.EnumerateObject().Sum(p => Lines(p.Value)),
        JsonValueKind.Array => Math.Max(1, value.EnumerateArray().Sum(Lines)),
        JsonValueKind.String => 1 + (value.GetString()!.Length / CharsPerLine) + value.GetString()!.Count(c => c == '\n'),
        _ => 1,
    };
}
