namespace Timmy.Web.Api;

/// <summary>One CSV cell as the exports write it: RFC 4180 quoting, and a formula-looking value prefixed with a quote
/// so a spreadsheet will not run it.</summary>
public static class CsvCell
{
    public static string Of(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "";
        }
        if (value[0] is '=' or '+' or '-' or '@')
        {
            value = "'" + value;
        }
        return value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;
    }
}
