using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.AI;
using Timmy.Core.Router;

namespace Timmy.Web.Api.Router;

/// <summary>Body of <c>POST /api/v1/router/complete</c>: a <c>prompt</c> or a list of <c>messages</c>.</summary>
public sealed record RouterCompleteRequest(
    [property: StringLength(RouterCompleteRequest.MaxPromptChars, ErrorMessage = "prompt must be at most {1} characters.")] string? Prompt,
    [property: MaxLength(RouterCompleteRequest.MaxMessageCount, ErrorMessage = "messages may hold at most {1} entries.")]
    IReadOnlyList<RouterCompleteMessage>? Messages,
    [property: StringLength(RouterCompleteRequest.MaxModelChars, ErrorMessage = "model must be at most {1} characters.")] string? Model,
    [property: Range(1, RouterCompleteRequest.MaxOutputTokens, ErrorMessage = "max_tokens must be between {1} and {2}.")] int? MaxTokens)
    : IValidatableObject
{
    public const int MaxPromptChars = 100_000;
    public const int MaxMessageCount = 200;
    public const int MaxTotalChars = 400_000;
    public const int MaxOutputTokens = 32_768;
    public const int MaxModelChars = 200;

    /// <summary>One of prompt and messages, not too much text in all; a named model must be one a provider that can be
    /// called now serves.</summary>
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (string.IsNullOrWhiteSpace(Prompt) == Messages is not { Count: > 0 })
        {
            yield return new ValidationResult("Give either prompt or messages (one of them, not both).", [nameof(Prompt)]);
        }
        if (Messages?.Sum(m => m?.Content?.Length ?? 0) > MaxTotalChars)
        {
            yield return new ValidationResult($"messages may hold at most {MaxTotalChars} characters in all.", [nameof(Messages)]);
        }
        var providers = validationContext.GetRequiredService<RouterService>().Providers;
        if (Model is { Length: <= MaxModelChars } && !providers.Any(p => p.SkipReason() is null && p.Serves(Model)))
        {
            yield return new ValidationResult(ModelProblem(Model, providers), [nameof(Model)]);
        }
    }

    /// <summary>Why no provider that can be called now serves <paramref name="model"/>.</summary>
    private static string ModelProblem(string model, IReadOnlyList<ProviderRuntime> providers)
    {
        var idle = providers.Where(p => p.Serves(model)).Select(p => $"{p.Name} ({p.SkipReason()})").ToList();
        if (idle.Count > 0)
        {
            return $"The model '{model}' is served only by {string.Join(", ", idle)}, which cannot be called now.";
        }
        var known = providers.SelectMany(p => p.Options.Models.Select(m => m.Name)).Distinct(StringComparer.OrdinalIgnoreCase);
        return $"No provider serves the model '{model}'. Configured models: {string.Join(", ", known)}; leave model out to use each provider's default.";
    }

    public IReadOnlyList<ChatMessage> ToMessages() =>
        Messages is { Count: > 0 }
            ? Messages.Select(m => new ChatMessage(new ChatRole(m.Role), m.Content)).ToList()
            : [new ChatMessage(ChatRole.User, Prompt)];
}
