using System.Globalization;

namespace Timmy.Core.Storage;

/// <summary>Timestamps are stored as fixed-width UTC ISO-8601 text, so text order is time order.</summary>
public static class Timestamps
{
    private const string Format_ = "yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'";

    public static string Format(DateTimeOffset value) =>
        value.UtcDateTime.ToString(Format_, CultureInfo.InvariantCulture);

    public static DateTimeOffset Parse(string value) =>
        DateTimeOffset.Parse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
}
