using System.Globalization;
using System.Text.RegularExpressions;

namespace Timmy.Web.Api;

/// <summary>Reading one text field of a query string into field errors, the way every list endpoint does.</summary>
public static partial class QueryField
{
    /// <summary>The trimmed value, or null when empty; longer than <paramref name="maxLength"/> is an error for
    /// <paramref name="key"/> (and null).</summary>
    public static string? Bounded(string key, string? value, int maxLength, Dictionary<string, string[]> errors)
    {
        value = value?.Trim();
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }
        if (value.Length > maxLength)
        {
            errors[key] = [$"'{key}' must be at most {maxLength} characters."];
            return null;
        }
        return value;
    }

    /// <summary>An ISO 8601 date or time (a date alone is its midnight UTC), or null when empty; anything else is an
    /// error for <paramref name="key"/>.</summary>
    public static DateTimeOffset? Time(string key, string? value, Dictionary<string, string[]> errors)
    {
        value = value?.Trim();
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }
        if (value.Length <= 40 && IsoDate().IsMatch(value) && DateTimeOffset.TryParse(
            value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time))
        {
            return time;
        }
        errors[key] = [$"'{key}' must be an ISO 8601 date or time such as 2026-03-01 or 2026-03-01T12:00:00Z (got '{Clip(value)}')."];
        return null;
    }

    /// <summary>A value short enough to quote back in an error.</summary>
    public static string Clip(string value) => value.Length <= 20 ? value : value[..20] + "…";

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|[+-]\d{2}:?\d{2})?)?$")]
    private static partial Regex IsoDate();
}
