using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;
using Timmy.Core.Router;

namespace Timmy.Tests.Infrastructure;

/// <summary>An in-memory model that uses its tools: offered a tool, it first asks to call it (with
/// <see cref="Arguments"/>); once the tool's result is in the conversation it answers
/// "the tool said: {result}". Without tools it answers <see cref="PlainAnswer"/>. Streams its answer in
/// two pieces. Usable as a router provider (it probes as available) or on its own; when <see cref="Down"/>,
/// every call fails as a refused connection does. Given <see cref="Routing"/>, it stamps every update with it,
/// as the router would.</summary>
public sealed class FakeToolCallingClient : IChatClient, IProviderProbe
{
    public const string PlainAnswer = "no tools needed";

    public static readonly Dictionary<string, object?> Arguments = new() { ["account"] = "main" };

    public List<IReadOnlyList<ChatMessage>> Calls { get; } = [];

    public bool Down { get; init; }

    public RoutingInfo? Routing { get; init; }

    public Task<ProviderProbeResult> ProbeAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult(ProviderProbeResult.Ok("ok: fake"));

    public async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        await GetStreamingResponseAsync(messages, options, cancellationToken).ToChatResponseAsync(cancellationToken);

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var list = messages.ToList();
        Calls.Add(list);
        await Task.Yield();
        if (Down)
        {
            throw new HttpRequestException("Connection refused");
        }
        var result = list[^1].Contents.OfType<FunctionResultContent>().FirstOrDefault();
        if (result is null && options?.Tools is [var tool, ..])
        {
            yield return Stamped(new ChatResponseUpdate(ChatRole.Assistant, [new FunctionCallContent($"call-{Calls.Count}", tool.Name, Arguments)]));
            yield break;
        }
        var answer = result is null ? PlainAnswer : $"the tool said: {result.Result}";
        var half = answer.Length / 2;
        yield return Stamped(new ChatResponseUpdate(ChatRole.Assistant, answer[..half]));
        yield return Stamped(new ChatResponseUpdate(ChatRole.Assistant, answer[half..]) { FinishReason = ChatFinishReason.Stop });
    }

    private ChatResponseUpdate Stamped(ChatResponseUpdate update)
    {
        if (Routing is not null)
        {
            update.SetRouting(Routing);
        }
        return update;
    }

    public object? GetService(Type serviceType, object? serviceKey = null) => null;

    public void Dispose()
    {
    }
}
