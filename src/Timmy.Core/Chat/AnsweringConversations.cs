using System.Collections.Concurrent;

namespace Timmy.Core.Chat;

/// <summary>The conversations Timmy is answering in right now, in this process. A conversation takes one
/// question at a time, so its transcript stays question, answer, question, answer.</summary>
public sealed class AnsweringConversations
{
    private readonly ConcurrentDictionary<string, byte> _busy = new();

    /// <summary>Marks the conversation busy until the result is disposed; null when it already is.</summary>
    public IDisposable? TryStart(string conversationId) =>
        _busy.TryAdd(conversationId, 0) ? new Busy(this, conversationId) : null;

    private sealed class Busy(AnsweringConversations owner, string conversationId) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            // Only the first call frees the conversation: a later one must not free a newer turn's mark.
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                owner._busy.TryRemove(conversationId, out _);
            }
        }
    }
}
