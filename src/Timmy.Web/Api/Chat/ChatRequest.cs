using System.ComponentModel.DataAnnotations;
using Timmy.Core.Chat;

namespace Timmy.Web.Api.Chat;

/// <summary>The body of <c>POST /api/v1/chat</c> and <c>/chat/stream</c>: the question, and the conversation to continue (none: a new one).</summary>
public sealed record ChatRequest(
    [property: Required(ErrorMessage = TimmyAgent.EmptyMessage)] string? Message,
    [property: StringLength(ChatRequest.MaxSessionIdLength, ErrorMessage = "'session_id' must be at most {1} characters.")] string? SessionId)
    : IValidatableObject
{
    public const int MaxSessionIdLength = 64;
    public const string SessionIdField = "session_id";

    /// <summary>The length limit is the owner's setting, so Timmy checks it.</summary>
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (validationContext.GetRequiredService<TimmyAgent>().Validate(Message) is { } problem)
        {
            yield return new ValidationResult(problem, [nameof(Message)]);
        }
    }
}
