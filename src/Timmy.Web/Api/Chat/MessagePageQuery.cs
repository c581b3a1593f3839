using System.Globalization;

namespace Timmy.Web.Api.Chat;

/// <summary>Which page of a conversation's messages to read: the newest <see cref="Limit"/> before
/// <see cref="BeforeId"/> (before none when null). Parsed from the query's <c>limit</c> and <c>before_id</c>.</summary>
public sealed record MessagePageQuery(int Limit, long? BeforeId)
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 500;

    /// <summary>The page asked for, or field errors naming what is wrong.</summary>
    public static (MessagePageQuery Query, Dictionary<string, string[]> Errors) Parse(string? limit, string? beforeId)
    {
        var errors = new Dictionary<string, string[]>();
        var take = DefaultLimit;
        if (!string.IsNullOrWhiteSpace(limit)
            && !(int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out take) && take is >= 1 and <= MaxLimit))
        {
            errors["limit"] = [$"'limit' must be a whole number from 1 to {MaxLimit}."];
        }
        long? before = null;
        if (!string.IsNullOrWhiteSpace(beforeId))
        {
            if (long.TryParse(beforeId, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id >= 1)
            {
                before = id;
            }
            else
            {
                errors["before_id"] = ["'before_id' must be a message id (a whole number, 1 or more)."];
            }
        }
        return (new MessagePageQuery(take, before), errors);
    }
}
