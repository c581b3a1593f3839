using System.ComponentModel.DataAnnotations;

namespace Timmy.Web.Api.Lightning.L402;

/// <summary>The body of <c>POST /api/v1/serve/chat</c>: one question, and at most how many tokens the answer may take.</summary>
public sealed record ServeChatRequest(
    [property: Required(ErrorMessage = "'message' is required.")]
    [property: StringLength(ServeChatRequest.MaxMessageLength, MinimumLength = 1, ErrorMessage = "'message' must be 1 to {1} characters.")]
    string? Message,
    [property: Range(1, ServeChatRequest.MaxTokensLimit, ErrorMessage = "'max_tokens' must be from {1} to {2}.")] int? MaxTokens)
{
    public const int MaxMessageLength = 8_000;
    public const int MaxTokensLimit = 8_192;
    public const int DefaultMaxTokens = 1_024;
}
