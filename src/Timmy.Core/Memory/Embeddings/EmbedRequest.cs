namespace Timmy.Core.Memory.Embeddings;

/// <summary>One caller's texts waiting for the memory embedder's worker, and the caller's answer. A caller that
/// cancels while queued gets its cancellation at once; the worker skips the request.</summary>
internal sealed class EmbedRequest
{
    private readonly TaskCompletionSource<float[][]> _answer = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenRegistration _registration;

    public EmbedRequest(IReadOnlyList<string> texts, CancellationToken cancellationToken)
    {
        Texts = texts;
        _registration = cancellationToken.Register(() => _answer.TrySetCanceled(cancellationToken));
    }

    public IReadOnlyList<string> Texts { get; }

    public Task<float[][]> Answer => _answer.Task;

    public bool IsFinished => _answer.Task.IsCompleted;

    public void Succeed(float[][] vectors)
    {
        _answer.TrySetResult(vectors);
        _registration.Dispose();
    }

    public void Fail(Exception failure)
    {
        _answer.TrySetException(failure);
        _registration.Dispose();
    }
}
