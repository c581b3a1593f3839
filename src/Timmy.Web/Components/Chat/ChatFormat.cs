using System.Globalization;
using Timmy.Core.Chat;

namespace Timmy.Web.Components.Chat;

/// <summary>How a turn is labelled in the page (the only place: streamed turns come from the same view).</summary>
public static class ChatFormat
{
    public static string Latency(double? ms) => ms switch
    {
        null => "",
        < 1_000 => string.Create(CultureInfo.InvariantCulture, $"{ms:0} ms"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{ms / 1_000:0.0} s"),
    };

    public static string Speaker(string role) => role switch
    {
        ConversationRoles.User => "You",
        ConversationRoles.Assistant => "Timmy",
        _ => "Timmy (error)",
    };
}
