using System.Globalization;
using Timmy.Core.Swarm.Tasks;

namespace Timmy.Web.Components.Swarm;

/// <summary>How the swarm pages write sats, rates, times and task states, so every page says them the same way.</summary>
public static class SwarmFormat
{
    public static string Sats(long sats) => sats.ToString("N0", CultureInfo.InvariantCulture) + " sats";

    public static string Sats(long? sats) => sats is { } s ? Sats(s) : "—";

    public static string Count(long count) => count.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>"83 %"; a dash before there is anything to divide.</summary>
    public static string Percent(double? rate) => rate is { } r ? Math.Round(r * 100).ToString("0", CultureInfo.InvariantCulture) + " %" : "—";

    /// <summary>"2026-03-01 14:05:09 UTC".</summary>
    public static string Time(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + " UTC";

    /// <summary>"14:05:09" (the full time goes in the element's title).</summary>
    public static string Clock(DateTimeOffset t) => t.UtcDateTime.ToString("HH:mm:ss", CultureInfo.InvariantCulture);

    public static string Iso(DateTimeOffset t) => t.UtcDateTime.ToString("O", CultureInfo.InvariantCulture);

    /// <summary>Seconds as the countdown on an open auction shows them ("12 s", "1 min 05 s"); the page's script ticks
    /// the same words.</summary>
    public static string Countdown(double seconds)
    {
        var whole = (long)Math.Ceiling(Math.Max(0, seconds));
        return whole < 60
            ? $"{whole} s"
            : $"{whole / 60} min {(whole % 60).ToString("00", CultureInfo.InvariantCulture)} s";
    }

    /// <summary>A duration between two moments, for how long a task ran: "850 ms", "12.4 s", "3 min 20 s".</summary>
    public static string Duration(TimeSpan span) => span.TotalSeconds switch
    {
        < 1 => $"{Math.Max(0, span.TotalMilliseconds).ToString("0", CultureInfo.InvariantCulture)} ms",
        < 60 => $"{span.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)} s",
        _ => $"{(long)span.TotalMinutes} min {span.Seconds} s",
    };

    /// <summary>The end of an id, enough to tell tasks apart in a list (the whole id is in the link and its title).</summary>
    public static string ShortId(string id) => id.Length <= 8 ? id : id[^8..];

    /// <summary>A task's state in words.</summary>
    public static string Status(string status) => status switch
    {
        SwarmTaskStatus.Pending => "pending",
        SwarmTaskStatus.Bidding => "bidding",
        SwarmTaskStatus.Assigned => "assigned",
        SwarmTaskStatus.Running => "running",
        SwarmTaskStatus.Completed => "completed",
        SwarmTaskStatus.Failed => "failed",
        SwarmTaskStatus.Cancelled => "cancelled",
        _ => status,
    };

    public static string StatusIcon(string status) => status switch
    {
        SwarmTaskStatus.Pending => "⏳",
        SwarmTaskStatus.Bidding => "💰",
        SwarmTaskStatus.Assigned => "🎯",
        SwarmTaskStatus.Running => "⚙️",
        SwarmTaskStatus.Completed => "✅",
        SwarmTaskStatus.Failed => "❌",
        SwarmTaskStatus.Cancelled => "🚫",
        _ => "•",
    };

    /// <summary>Markdown (a result) as one line of plain text, cut to <paramref name="max"/> characters: the marks and
    /// link targets go, the words stay. Shown encoded, like any text.</summary>
    public static string PlainText(string markdown, int max)
    {
        var text = string.Join(' ', Markdig.Markdown.ToPlainText(markdown).Split((char[])['\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries)
            .Select(l => l.Trim()).Where(l => l.Length > 0));
        return text.Length <= max ? text : text[..(max - 1)] + "…";
    }

    public static string TaskUrl(string id) => "/swarm/tasks/" + Uri.EscapeDataString(id);
}
