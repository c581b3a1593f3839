namespace Timmy.Web.Api.OpenAiGateway;

/// <summary>A request the gateway refuses with 400: <see cref="Param"/> names the field, as OpenAI's errors do.</summary>
public sealed class InvalidCompletionRequestException(string message, string? param) : Exception(message)
{
    public string? Param { get; } = param;
}
