using Timmy.Core.Chat;

namespace Timmy.Tests.Chat;

public sealed class ValidateChatAgentOptionsTests
{
    [Fact]
    public void Defaults_AreValid()
    {
        Assert.True(new ValidateChatAgentOptions().Validate(null, new ChatAgentOptions()).Succeeded);
    }

    [Theory]
    [InlineData(nameof(ChatAgentOptions.MaxMessageLength), 0, "Timmy:Chat:MaxMessageLength must be from 1 to 1000000 (was 0).")]
    [InlineData(nameof(ChatAgentOptions.MaxMessageLength), 1_000_001, "Timmy:Chat:MaxMessageLength must be from 1 to 1000000 (was 1000001).")]
    [InlineData(nameof(ChatAgentOptions.ReplyReserveTokens), 15, "Timmy:Chat:ReplyReserveTokens must be at least 16 (was 15).")]
    [InlineData(nameof(ChatAgentOptions.RequestsPerMinute), 0, "Timmy:Chat:RequestsPerMinute must be at least 1 (was 0).")]
    public void OneBadKey_IsNamedInTheMessage(string property, int value, string expected)
    {
        var options = new ChatAgentOptions();
        typeof(ChatAgentOptions).GetProperty(property)!.SetValue(options, value);

        var result = new ValidateChatAgentOptions().Validate(null, options);

        Assert.Equal([expected], result.Failures);
    }
}
