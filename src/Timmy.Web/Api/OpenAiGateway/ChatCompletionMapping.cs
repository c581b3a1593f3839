using System.Text.Json;
using Microsoft.Extensions.AI;

namespace Timmy.Web.Api.OpenAiGateway;

/// <summary>Hand-written mapping between OpenAI's chat-completions request and Microsoft.Extensions.AI's messages and
/// <see cref="ChatOptions"/> (the router's own types), checking the request on the way; throws
/// <see cref="InvalidCompletionRequestException"/> for what cannot be mapped.</summary>
public static class ChatCompletionMapping
{
    public static IReadOnlyList<ChatMessage> ToMessages(ChatCompletionRequest request)
    {
        if (request.Messages is not { Count: > 0 } messages)
        {
            throw new InvalidCompletionRequestException("messages must hold at least one message.", "messages");
        }
        if (messages.Count > ChatCompletionRequest.MaxMessageCount)
        {
            throw new InvalidCompletionRequestException($"messages may hold at most {ChatCompletionRequest.MaxMessageCount} entries.", "messages");
        }
        return messages.Select((m, i) => ToMessage(m, $"messages[{i}]")).ToList();
    }

    public static ChatOptions ToOptions(ChatCompletionRequest request, string? modelId)
    {
        if (request.N is { } n && n != 1)
        {
            throw new InvalidCompletionRequestException("n must be 1: the gateway returns one choice.", "n");
        }
        var maxTokens = request.MaxCompletionTokens ?? request.MaxTokens;
        if (maxTokens is < 1 or > ChatCompletionRequest.MaxOutputTokens)
        {
            throw new InvalidCompletionRequestException(
                $"max_tokens must be between 1 and {ChatCompletionRequest.MaxOutputTokens}.",
                request.MaxCompletionTokens is null ? "max_tokens" : "max_completion_tokens");
        }
        if (request.Temperature is < 0 or > 2)
        {
            throw new InvalidCompletionRequestException("temperature must be between 0 and 2.", "temperature");
        }
        var options = new ChatOptions
        {
            ModelId = modelId,
            Temperature = request.Temperature,
            TopP = request.TopP,
            MaxOutputTokens = maxTokens,
            PresencePenalty = request.PresencePenalty,
            FrequencyPenalty = request.FrequencyPenalty,
            Seed = request.Seed,
            StopSequences = StopSequences(request.Stop),
        };
        if (request.Tools is { Count: > 0 } tools)
        {
            options.Tools = tools.Select((t, i) => ToTool(t, $"tools[{i}]")).ToList();
            options.ToolMode = ToolMode(request.ToolChoice);
        }
        return options;
    }

    public static string FinishReason(ChatFinishReason? reason, bool calledTools) =>
        calledTools ? "tool_calls"
        : reason == ChatFinishReason.Length ? "length"
        : reason == ChatFinishReason.ContentFilter ? "content_filter"
        : "stop";

    public static ChatCompletionToolCall ToToolCall(FunctionCallContent call, int? index = null) =>
        new(call.CallId, "function", new ChatCompletionFunctionCall(call.Name, JsonSerializer.Serialize(call.Arguments ?? new Dictionary<string, object?>())), index);

    private static ChatMessage ToMessage(ChatCompletionMessage message, string param)
    {
        switch (message.Role)
        {
            case "system" or "developer":
                return new ChatMessage(ChatRole.System, Text(message.Content, param));
            case "user":
                return new ChatMessage(ChatRole.User, Text(message.Content, param)) { AuthorName = message.Name };
            case "assistant":
                var contents = new List<AIContent>();
                if (OptionalText(message.Content, param) is { Length: > 0 } text)
                {
                    contents.Add(new TextContent(text));
                }
                foreach (var (call, i) in (message.ToolCalls ?? []).Select((c, i) => (c, i)))
                {
                    contents.Add(ToCall(call, $"{param}.tool_calls[{i}]"));
                }
                return new ChatMessage(ChatRole.Assistant, contents) { AuthorName = message.Name };
            case "tool":
                if (string.IsNullOrWhiteSpace(message.ToolCallId))
                {
                    throw new InvalidCompletionRequestException("A tool message needs tool_call_id.", $"{param}.tool_call_id");
                }
                return new ChatMessage(ChatRole.Tool, [new FunctionResultContent(message.ToolCallId, Text(message.Content, param))]);
            default:
                throw new InvalidCompletionRequestException("role must be system, developer, user, assistant or tool.", $"{param}.role");
        }
    }

    private static FunctionCallContent ToCall(ChatCompletionToolCall call, string param)
    {
        if (string.IsNullOrWhiteSpace(call.Id) || string.IsNullOrWhiteSpace(call.Function?.Name))
        {
            throw new InvalidCompletionRequestException("A tool call needs an id and a function name.", param);
        }
        try
        {
            var arguments = string.IsNullOrWhiteSpace(call.Function.Arguments)
                ? []
                : JsonSerializer.Deserialize<Dictionary<string, object?>>(call.Function.Arguments);
            return new FunctionCallContent(call.Id, call.Function.Name, arguments);
        }
        catch (JsonException)
        {
            throw new InvalidCompletionRequestException("function.arguments must be a JSON object.", $"{param}.function.arguments");
        }
    }

    private static string Text(JsonElement? content, string param) =>
        OptionalText(content, param) ?? throw new InvalidCompletionRequestException("content is required.", $"{param}.content");

    /// <summary>A string, or the text parts of a list joined; other parts (images, audio) are refused.</summary>
    private static string? OptionalText(JsonElement? content, string param)
    {
        if (content is not { } value || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }
        if (value.ValueKind == JsonValueKind.String)
        {
            return value.GetString();
        }
        if (value.ValueKind != JsonValueKind.Array)
        {
            throw new InvalidCompletionRequestException("content must be a string or a list of parts.", $"{param}.content");
        }
        var parts = new List<string>();
        foreach (var part in value.EnumerateArray())
        {
            if (part.ValueKind != JsonValueKind.Object || !part.TryGetProperty("type", out var type) || type.GetString() != "text"
                || !part.TryGetProperty("text", out var text) || text.ValueKind != JsonValueKind.String)
            {
                throw new InvalidCompletionRequestException("Only text content parts ({\"type\":\"text\",\"text\":…}) are supported.", $"{param}.content");
            }
            parts.Add(text.GetString()!);
        }
        return string.Concat(parts);
    }

    private static IList<string>? StopSequences(JsonElement? stop) => stop switch
    {
        null or { ValueKind: JsonValueKind.Null } => null,
        { ValueKind: JsonValueKind.String } s => [s.GetString()!],
        { ValueKind: JsonValueKind.Array } a when a.EnumerateArray().All(e => e.ValueKind == JsonValueKind.String) && a.GetArrayLength() <= 4 =>
            a.EnumerateArray().Select(e => e.GetString()!).ToList(),
        _ => throw new InvalidCompletionRequestException("stop must be a string or a list of at most 4 strings.", "stop"),
    };

    private static AITool ToTool(ChatCompletionTool tool, string param)
    {
        if (tool.Type != "function" || string.IsNullOrWhiteSpace(tool.Function?.Name))
        {
            throw new InvalidCompletionRequestException("A tool must be {\"type\":\"function\",\"function\":{\"name\":…}}.", param);
        }
        var schema = tool.Function.Parameters is { ValueKind: JsonValueKind.Object } parameters
            ? parameters
            : JsonDocument.Parse("""{"type":"object","properties":{}}""").RootElement;
        return AIFunctionFactory.CreateDeclaration(tool.Function.Name, tool.Function.Description, schema);
    }

    private static ChatToolMode? ToolMode(JsonElement? choice)
    {
        if (choice is not { } value || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }
        if (value.ValueKind == JsonValueKind.String)
        {
            return value.GetString() switch
            {
                "auto" => ChatToolMode.Auto,
                "none" => ChatToolMode.None,
                "required" => ChatToolMode.RequireAny,
                _ => throw new InvalidCompletionRequestException("tool_choice must be auto, none, required or a named function.", "tool_choice"),
            };
        }
        if (value.ValueKind == JsonValueKind.Object && value.TryGetProperty("function", out var function)
            && function.TryGetProperty("name", out var name) && name.ValueKind == JsonValueKind.String)
        {
            return ChatToolMode.RequireSpecific(name.GetString()!);
        }
        throw new InvalidCompletionRequestException("tool_choice must be auto, none, required or a named function.", "tool_choice");
    }
}
