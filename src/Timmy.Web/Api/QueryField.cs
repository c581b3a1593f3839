namespace Timmy.Web.Api;

/// <summary>Reading one text field of a query string into field errors, the way every list endpoint does.</summary>
public static class QueryField
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
}
