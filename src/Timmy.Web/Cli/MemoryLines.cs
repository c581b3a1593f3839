using System.Globalization;
using Timmy.Web.Api.Memory;

namespace Timmy.Web.Cli;

/// <summary>Memory entries one a line for the terminal: type, source, local time and the first line of the content,
/// trimmed to fit (after the score, for search hits).</summary>
public static class MemoryLines
{
    public const int ContentWidth = 70;

    public static string Header(bool scored) => (scored ? $"{"SCORE",5}  " : "") + $"{"TYPE",-12}  {"SOURCE",-10}  {"TIME",-16}  CONTENT";

    public static string Line(MemoryEntryDto entry, double? score = null) =>
        (score is { } s ? string.Create(CultureInfo.InvariantCulture, $"{s,5:0.00}  ") : "")
        + $"{entry.ContextType,-12}  {Clip(entry.Source, 10),-10}  {entry.Timestamp.ToLocalTime().ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),-16}  "
        + FirstLine(entry.Content);

    /// <summary>The first non-empty line of the text, trimmed and cut to <see cref="ContentWidth"/> characters.</summary>
    public static string FirstLine(string text)
    {
        var line = text.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0) ?? "";
        var more = line.Length > ContentWidth || text.Trim().Contains('\n');
        return Clip(line, ContentWidth) + (more && line.Length <= ContentWidth ? " …" : "");
    }

    private static string Clip(string text, int width) => text.Length <= width ? text : text[..(width - 1)] + "…";
}
