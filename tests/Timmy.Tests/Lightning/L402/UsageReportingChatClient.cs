using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;
using Timmy.Core.Router;

namespace Timmy.Tests.Lightning.L402;

/// <summary>A model that answers every question with <see cref="Answer"/> and reports fixed token counts, as a
/// router provider (it probes as available).</summary>
public sealed class UsageReportingChatClient : IChatClient, IProviderProbe
{
    public const string Answer = "a paid answer";
    public const int InputTokens = 12;
    public const int OutputTokens = 30;

    public List<ChatOptions?> Calls { get; } = [];

    public Task<ProviderProbeResult> ProbeAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult(ProviderProbeResult.Ok("ok: fake"));

    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        Calls.Add(options);
        return Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, Answer))
        {
            Usage = new UsageDetails { InputTokenCount = InputTokens, OutputTokenCount = OutputTokens, TotalTokenCount = InputTokens + OutputTokens },
            FinishReason = ChatFinishReason.Stop,
        });
    }

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        foreach (var update in (await GetResponseAsync(messages, options, cancellationToken)).ToChatResponseUpdates())
        {
            yield return update;
        }
    }

    public object? GetService(Type serviceType, object? serviceKey = null) => null;

    public void Dispose()
    {
    }
}
