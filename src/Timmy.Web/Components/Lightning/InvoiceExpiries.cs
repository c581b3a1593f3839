using System.Globalization;

namespace Timmy.Web.Components.Lightning;

/// <summary>The expiries the create-invoice form offers, in seconds as the form posts them; one hour is the default.</summary>
public static class InvoiceExpiries
{
    public const string Default = "3600";

    public static IReadOnlyList<(string Seconds, string Label)> All { get; } =
    [
        ("600", "10 minutes"), ("3600", "1 hour"), ("86400", "1 day"), ("604800", "7 days"),
    ];

    /// <summary>The expiry a posted value asks for; null (with nothing chosen) for the configured default.</summary>
    public static bool TryParse(string? value, out TimeSpan? expiry)
    {
        expiry = null;
        if (string.IsNullOrWhiteSpace(value))
        {
            return true;
        }
        if (long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) && seconds <= (long)TimeSpan.MaxValue.TotalSeconds)
        {
            expiry = TimeSpan.FromSeconds(seconds);
            return true;
        }
        return false;
    }
}
