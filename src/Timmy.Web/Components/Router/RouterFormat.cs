using System.Globalization;

namespace Timmy.Web.Components.Router;

/// <summary>How the router page writes numbers and times (live updates swap in a server render of the cards; only
/// the countdown ticks in the page script, in the same words as <see cref="Countdown"/>).</summary>
public static class RouterFormat
{
    public static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    public static string Milliseconds(double? value) =>
        value is { } ms ? Math.Round(ms, MidpointRounding.AwayFromZero).ToString("N0", CultureInfo.InvariantCulture) + " ms" : "—";

    /// <summary>To the second: <c>2026-03-01 12:00:05 UTC</c>; "never" for no time.</summary>
    public static string Time(DateTimeOffset? value) =>
        value is { } t ? t.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + " UTC" : "never";

    /// <summary>When something last happened, beside what happened; blank when it never did.</summary>
    public static string At(DateTimeOffset? value) => value is null ? "" : Time(value);

    /// <summary>Hours and minutes, for chart axes: <c>12:05</c>.</summary>
    public static string Clock(DateTimeOffset value) => value.UtcDateTime.ToString("HH:mm", CultureInfo.InvariantCulture);

    /// <summary>A chart scale value: whole numbers plain, halves with one decimal.</summary>
    public static string Scale(double value) => value.ToString("#,0.#", CultureInfo.InvariantCulture);

    /// <summary>A wait in whole seconds: <c>42 s</c>, <c>1 min 05 s</c>.</summary>
    public static string Countdown(double seconds)
    {
        var whole = (long)Math.Ceiling(Math.Max(0, seconds));
        return whole < 60 ? $"{whole} s" : $"{whole / 60} min {whole % 60:00} s";
    }
}
