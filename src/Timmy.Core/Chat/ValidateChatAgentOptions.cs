using Microsoft.Extensions.Options;

namespace Timmy.Core.Chat;

/// <summary>Checks <see cref="ChatAgentOptions"/> as a whole; each message names the key to fix.</summary>
public sealed class ValidateChatAgentOptions : IValidateOptions<ChatAgentOptions>
{
    public ValidateOptionsResult Validate(string? name, ChatAgentOptions options)
    {
        var errors = new List<string>();
        if (options.MaxMessageLength is < 1 or > 1_000_000)
        {
            errors.Add($"{ChatAgentOptions.SectionName}:MaxMessageLength must be from 1 to 1000000 (was {options.MaxMessageLength}).");
        }
        if (options.ReplyReserveTokens < 16)
        {
            errors.Add($"{ChatAgentOptions.SectionName}:ReplyReserveTokens must be at least 16 (was {options.ReplyReserveTokens}).");
        }
        if (options.RequestsPerMinute < 1)
        {
            errors.Add($"{ChatAgentOptions.SectionName}:RequestsPerMinute must be at least 1 (was {options.RequestsPerMinute}).");
        }
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
