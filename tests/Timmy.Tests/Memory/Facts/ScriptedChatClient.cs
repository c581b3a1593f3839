using Microsoft.Extensions.AI;

namespace Timmy.Tests.Memory.Facts;

/// <summary>A chat client that answers every call with <see cref="Answer"/>, or throws <see cref="Failure"/>,
/// or (when <see cref="Hang"/>) waits until its token is cancelled. It records the messages it was sent.</summary>
public sealed class ScriptedChatClient : IChatClient
{
    public string Answer { get; init; } = """{"facts":[]}""";

    public Exception? Failure { get; init; }

    public bool Hang { get; init; }

    public List<IReadOnlyList<ChatMessage>> Calls { get; } = [];

    public async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        Calls.Add(messages.ToList());
        if (Hang)
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }
        return Failure is null ? new ChatResponse(new ChatMessage(ChatRole.Assistant, Answer)) : throw Failure;
    }

    public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("The fact extractor asks for whole answers.");

    public object? GetService(Type serviceType, object? serviceKey = null) => null;

    public void Dispose()
    {
    }
}
