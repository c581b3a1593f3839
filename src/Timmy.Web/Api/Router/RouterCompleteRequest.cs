using Microsoft.Extensions.AI;
using Timmy.Core.Router;

namespace Timmy.Web.Api.Router;

/// <summary>Body of <c>POST /api/v1/router/complete</c>: a <c>prompt</c> or a list of <c>messages</c>.</summary>
public sealed record RouterCompleteRequest(string? Prompt, IReadOnlyList<RouterCompleteMessage>? Messages, string? Model, int? MaxTokens)
{
    public const int MaxPromptChars = 100_000;
    public const int MaxMessageCount = 200;
    public const int MaxTotalChars = 400_000;
    public const int MaxOutputTokens = 32_768;
    public const string Shape = """{"prompt": "…"} or {"messages": [{"role": "user", "content": "…"}]}, with "model" and "max_tokens" optional""";
    private static readonly string[] Roles = ["system", "user", "assistant"];

    /// <summary>What is wrong with the request, by field; a named model must be one a provider serves.</summary>
    public Dictionary<string, string[]> Validate(IReadOnlyList<ProviderRuntime> providers)
    {
        var errors = new Dictionary<string, string[]>();
        var hasPrompt = !string.IsNullOrWhiteSpace(Prompt);
        var hasMessages = Messages is { Count: > 0 };
        if (hasPrompt == hasMessages)
        {
            errors["prompt"] = ["Give either prompt or messages (one of them, not both)."];
        }
        if (Prompt is { Length: > MaxPromptChars })
        {
            errors["prompt"] = [$"prompt must be at most {MaxPromptChars} characters."];
        }
        if (Messages is { Count: > MaxMessageCount })
        {
            errors["messages"] = [$"messages may hold at most {MaxMessageCount} entries."];
        }
        for (var i = 0; i < Math.Min(Messages?.Count ?? 0, MaxMessageCount); i++)
        {
            var m = Messages![i];
            if (m is null || !Roles.Contains(m.Role))
            {
                errors[$"messages[{i}].role"] = ["role must be system, user or assistant."];
            }
            if (string.IsNullOrWhiteSpace(m?.Content))
            {
                errors[$"messages[{i}].content"] = ["content is required."];
            }
        }
        if (Messages?.Sum(m => m?.Content?.Length ?? 0) > MaxTotalChars)
        {
            errors["messages"] = [$"messages may hold at most {MaxTotalChars} characters in all."];
        }
        if (Model is { Length: > 200 })
        {
            errors["model"] = ["model must be at most 200 characters."];
        }
        else if (Model is not null && !providers.Any(p => p.SkipReason() is null && p.Serves(Model)))
        {
            errors["model"] = [ModelProblem(Model, providers)];
        }
        if (MaxTokens is < 1 or > MaxOutputTokens)
        {
            errors["max_tokens"] = [$"max_tokens must be between 1 and {MaxOutputTokens}."];
        }
        return errors;
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
