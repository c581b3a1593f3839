using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Timmy.Core.Router;

namespace Timmy.Core.Agents;

/// <summary>Runs an agent over the app's <see cref="IChatClient"/> (the cascade router): its instructions as the
/// system prompt, then the conversation, trimmed to the request's budget. Given tools, Microsoft.Extensions.AI's
/// function invocation calls the ones the model asks for and sends the results back until the model answers
/// in text. Failures (no provider, a stream cut off) reach the caller as the router raised them.</summary>
public sealed class AgentRunner
{
    private readonly IChatClient _chat;
    private readonly IChatClient _withTools;
    private readonly TimeProvider _time;
    private readonly ILoggerFactory? _loggerFactory;

    public AgentRunner(IChatClient chat, TimeProvider time, ILoggerFactory? loggerFactory = null)
    {
        _chat = chat;
        _withTools = chat.AsBuilder().UseFunctionInvocation(loggerFactory).Build();
        _time = time;
        _loggerFactory = loggerFactory;
    }

    public async Task<AgentReply> RunAsync(AgentRequest request, CancellationToken cancellationToken = default)
    {
        var started = _time.GetTimestamp();
        var response = await ClientFor(request).GetResponseAsync(Prompt(request), Options(request), cancellationToken);
        return new AgentReply(response.Text, response.Routing(), _time.GetElapsedTime(started).TotalMilliseconds, [.. response.Messages])
        {
            Usage = response.Usage,
        };
    }

    /// <summary>The answer as it arrives. Every model call's updates carry its <see cref="RoutingInfo"/>.</summary>
    public async IAsyncEnumerable<AgentUpdate> StreamAsync(AgentRequest request, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var update in ClientFor(request).GetStreamingResponseAsync(Prompt(request), Options(request), cancellationToken))
        {
            yield return new AgentUpdate(update.Text, update.Routing());
        }
    }

    private IChatClient ClientFor(AgentRequest request) => request switch
    {
        { Tools.Count: 0 } => _chat,
        { MaxToolRounds: { } rounds } => new FunctionInvokingChatClient(_chat, _loggerFactory) { MaximumIterationsPerRequest = Math.Max(1, rounds) },
        _ => _withTools,
    };

    private static IReadOnlyList<ChatMessage> Prompt(AgentRequest request)
    {
        var system = new ChatMessage(ChatRole.System, request.Instructions);
        return request.PromptTokens is { } budget
            ? ContextTrimmer.Trim(system, request.Conversation, budget)
            : [system, .. request.Conversation];
    }

    private static ChatOptions Options(AgentRequest request) => new()
    {
        MaxOutputTokens = request.MaxOutputTokens,
        Tools = request.Tools.Count > 0 ? [.. request.Tools] : null,
    };
}
