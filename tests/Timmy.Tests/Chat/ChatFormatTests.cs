using Timmy.Core.Chat;
using Timmy.Web.Components.Chat;

namespace Timmy.Tests.Chat;

public sealed class ChatFormatTests
{
    [Theory]
    [InlineData(null, "")]
    [InlineData(0.4, "0 ms")]
    [InlineData(999.4, "999 ms")]
    [InlineData(1_000.0, "1.0 s")]
    [InlineData(12_345.0, "12.3 s")]
    public void Latency_IsMillisecondsUnderASecondThenSeconds(double? ms, string expected)
    {
        Assert.Equal(expected, ChatFormat.Latency(ms));
    }

    [Theory]
    [InlineData(ConversationRoles.User, "You")]
    [InlineData(ConversationRoles.Assistant, "Timmy")]
    [InlineData(ConversationRoles.Error, "Timmy (error)")]
    public void Speaker_NamesWhoSaidIt(string role, string expected)
    {
        Assert.Equal(expected, ChatFormat.Speaker(role));
    }
}
