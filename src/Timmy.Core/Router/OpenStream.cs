using Microsoft.Extensions.AI;

namespace Timmy.Core.Router;

/// <summary>A provider stream whose first update has arrived. The provider call runs on its own token,
/// linked to the caller's, so a Polly attempt timeout can cut it before the first token while the rest of
/// the stream lives on after the attempt has returned. A caller who stops does not wait for the provider's next
/// update: some clients (OllamaSharp) read the next line without the token, so a stop would otherwise wait until
/// the provider said something more.</summary>
internal sealed class OpenStream : IAsyncDisposable
{
    private readonly IAsyncEnumerator<ChatResponseUpdate> _enumerator;
    private readonly CancellationTokenSource _cts;
    private Task<bool>? _pending;

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

    /// <exception cref="OperationCanceledException">The caller stopped while the provider had not sent the next update.</exception>
    public async ValueTask<bool> MoveNextAsync()
    {
        var next = _enumerator.MoveNextAsync();
        if (next.IsCompleted)
        {
            return await next;
        }
        _pending = next.AsTask();
        var more = await _pending.WaitAsync(_cts.Token);
        _pending = null;
        return more;
    }

    public async ValueTask DisposeAsync()
    {
        await _cts.CancelAsync();
        if (_pending is { IsCompleted: false } pending)
        {
            // An enumerator cannot be disposed while it is moving: let the abandoned read end first, in the background.
            _ = pending.ContinueWith(
                static async (read, state) =>
                {
                    _ = read.Exception; // a read cut off by the stop is expected, not unobserved
                    var stream = (OpenStream)state!;
                    try
                    {
                        await stream._enumerator.DisposeAsync();
                    }
                    catch (Exception) when (stream._cts.IsCancellationRequested)
                    {
                        // The client's own clean-up after a cancelled read; nobody is waiting for it.
                    }
                    stream._cts.Dispose();
                },
                this, CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
            return;
        }
        await _enumerator.DisposeAsync();
        _cts.Dispose();
    }
}
