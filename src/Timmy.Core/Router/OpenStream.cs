using Microsoft.Extensions.AI;

namespace Timmy.Core.Router;

/// <summary>A provider stream whose first update has arrived. The provider call runs on its own token,
/// linked to the caller's, so a Polly attempt timeout can cut it before the first token while the rest of
/// the stream lives on after the attempt has returned.</summary>
internal sealed class OpenStream : IAsyncDisposable
{
    private readonly IAsyncEnumerator<ChatResponseUpdate> _enumerator;
    private readonly CancellationTokenSource _cts;

    private OpenStream(IAsyncEnumerator<ChatResponseUpdate> enumerator, CancellationTokenSource cts)
    {
        _enumerator = enumerator;
        _cts = cts;
    }

    public ChatResponseUpdate Current => _enumerator.Current;

    public static async Task<OpenStream> StartAsync(
        ProviderRuntime provider, IList<ChatMessage> messages, ChatOptions options, CancellationToken caller, CancellationToken attempt)
    {
        var cts = CancellationTokenSource.CreateLinkedTokenSource(caller);
        var enumerator = provider.Client.Chat!.GetStreamingResponseAsync(messages, options, cts.Token).GetAsyncEnumerator(cts.Token);
        try
        {
            await using (attempt.Register(static s => ((CancellationTokenSource)s!).Cancel(), cts))
            {
                if (!await enumerator.MoveNextAsync())
                {
                    throw new InvalidOperationException("the provider ended the stream without a token");
                }
            }
            return new OpenStream(enumerator, cts);
        }
        catch
        {
            await enumerator.DisposeAsync();
            cts.Dispose();
            throw;
        }
    }

    public ValueTask<bool> MoveNextAsync() => _enumerator.MoveNextAsync();

    public async ValueTask DisposeAsync()
    {
        await _cts.CancelAsync();
        await _enumerator.DisposeAsync();
        _cts.Dispose();
    }
}
