using System.Threading.Channels;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Timmy.Core.Memory.Embeddings;

/// <summary>The embedder the memory uses (a singleton). Callers' texts wait in a bounded queue (a full queue makes
/// the caller wait, honouring its cancellation); ONE worker on its own thread takes what is queued, up to MaxBatch
/// texts, embeds it in one model call and hands each caller its slice, so a burst of stores costs a few batched
/// model runs and never occupies the web requests' thread pool. Search queries (<see cref="EmbedQueryAsync"/>) have their
/// own lane: the worker takes them before anything queued to be stored, and embeds them without it, so a search waits
/// at most for the batch already running, never for a burst of stores. A failing batch fails only its own callers, each
/// with <see cref="EmbedderUnavailableException"/>; later batches go on.</summary>
public sealed class MemoryEmbedder : ITextEmbedder, IAsyncDisposable
{
    private readonly IEmbeddingGenerator<string, Embedding<float>> _generator;
    private readonly Channel<EmbedRequest> _queue;
    private readonly Channel<EmbedRequest> _queries = Channel.CreateUnbounded<EmbedRequest>(new UnboundedChannelOptions { SingleReader = true });
    private readonly CancellationTokenSource _stopping = new();
    private readonly ILogger _logger;
    private readonly int _maxBatch;
    private readonly Task _worker;
    private EmbedRequest? _carried;
    private int _disposed;

    public MemoryEmbedder(IEmbeddingGenerator<string, Embedding<float>> generator, EmbedderOptions options, string? problem = null, ILogger<MemoryEmbedder>? logger = null)
    {
        _generator = generator;
        _maxBatch = options.MaxBatch;
        _logger = logger ?? NullLogger<MemoryEmbedder>.Instance;
        Problem = problem;
        _queue = Channel.CreateBounded<EmbedRequest>(new BoundedChannelOptions(options.QueueCapacity)
        {
            FullMode = BoundedChannelFullMode.Wait, SingleReader = true,
        });
        _logger.LogInformation("Memory embeddings: {EmbedderId}. {Description}", Info.Id, Info.Description);
        if (problem is not null)
        {
            _logger.LogWarning("Memory embeddings: {Problem}", problem);
        }
        _worker = Task.Factory.StartNew(Run, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
    }

    /// <summary>The embedder in use. For Ollama, <see cref="EmbedderInfo.Dimensions"/> is 0 until the model has answered.</summary>
    public EmbedderInfo Info => _generator.GetService<EmbedderInfo>() ?? Describe(_generator.GetService<EmbeddingGeneratorMetadata>());

    /// <summary>Why the configured embedder is not the one in use, else null.</summary>
    public string? Problem { get; }

    /// <summary>One L2-normalised vector (length <see cref="EmbedderInfo.Dimensions"/>) per text, in order. Throws
    /// <see cref="EmbedderUnavailableException"/> when the embedder cannot answer now.</summary>
    public async Task<float[][]> EmbedAsync(IReadOnlyList<string> texts, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(texts);
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        if (texts.Count <= _maxBatch)
        {
            return texts.Count == 0 ? [] : await EnqueueAsync(texts, cancellationToken);
        }
        var parts = new List<Task<float[][]>>();
        foreach (var chunk in texts.Chunk(_maxBatch))
        {
            parts.Add(EnqueueAsync(chunk, cancellationToken));
        }
        return (await Task.WhenAll(parts)).SelectMany(vectors => vectors).ToArray();
    }

    /// <summary>One query's vector, embedded ahead of the texts queued to be stored.</summary>
    public async Task<float[]> EmbedQueryAsync(string text, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        var request = new EmbedRequest([text], cancellationToken);
        if (!_queries.Writer.TryWrite(request))
        {
            throw new ObjectDisposedException(nameof(MemoryEmbedder));
        }
        return (await request.Answer)[0];
    }

    private async Task<float[][]> EnqueueAsync(IReadOnlyList<string> texts, CancellationToken cancellationToken)
    {
        var request = new EmbedRequest(texts, cancellationToken);
        try
        {
            await _queue.Writer.WriteAsync(request, cancellationToken);
        }
        catch (ChannelClosedException)
        {
            throw new ObjectDisposedException(nameof(MemoryEmbedder));
        }
        return await request.Answer;
    }

    private void Run()
    {
        ProbeDimensions();
        var batch = new List<EmbedRequest>();
        while (NextBatch(batch))
        {
            Embed(batch);
            batch.Clear();
        }
    }

    /// <summary>Fills <paramref name="batch"/> with whole requests up to MaxBatch texts (a request that does not fit
    /// opens the next batch); false when stopping.</summary>
    private bool NextBatch(List<EmbedRequest> batch)
    {
        if (_carried is null && !WaitForWork())
        {
            return false;
        }
        var texts = 0;
        while (texts < _maxBatch && _queries.Reader.TryRead(out var query))
        {
            if (!query.IsFinished)
            {
                batch.Add(query);
                texts++;
            }
        }
        if (batch.Count > 0)
        {
            return true; // queries alone: the stores' next batch follows
        }
        if (_carried is { IsFinished: false } carried)
        {
            batch.Add(carried);
            texts = carried.Texts.Count;
        }
        _carried = null;
        while (texts < _maxBatch && _queue.Reader.TryRead(out var request))
        {
            if (request.IsFinished)
            {
                continue;
            }
            if (texts + request.Texts.Count > _maxBatch)
            {
                _carried = request;
                break;
            }
            batch.Add(request);
            texts += request.Texts.Count;
        }
        return true;
    }

    private bool WaitForWork()
    {
        try
        {
            var stores = _queue.Reader.WaitToReadAsync(_stopping.Token).AsTask();
            var queries = _queries.Reader.WaitToReadAsync(_stopping.Token).AsTask();
            return Task.WhenAny(stores, queries).GetAwaiter().GetResult().GetAwaiter().GetResult();
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private void Embed(List<EmbedRequest> batch)
    {
        if (batch.Count == 0)
        {
            return;
        }
        var texts = batch.SelectMany(r => r.Texts).ToList();
        try
        {
            var embeddings = _generator.GenerateAsync(texts, null, _stopping.Token).GetAwaiter().GetResult();
            if (embeddings.Count != texts.Count)
            {
                throw new EmbedderUnavailableException($"The embedder {Info.Id} answered {embeddings.Count} vectors for {texts.Count} texts.");
            }
            var offset = 0;
            foreach (var request in batch)
            {
                request.Succeed(Enumerable.Range(offset, request.Texts.Count).Select(i => embeddings[i].Vector.ToArray()).ToArray());
                offset += request.Texts.Count;
            }
        }
        catch (Exception e)
        {
            var failure = Failure(e);
            _logger.LogWarning("Memory embeddings: a batch of {Count} texts failed: {Reason}", texts.Count, failure.Message);
            batch.ForEach(r => r.Fail(failure));
        }
    }

    private Exception Failure(Exception e) => e switch
    {
        _ when _stopping.IsCancellationRequested => new ObjectDisposedException(nameof(MemoryEmbedder), "The memory embedder stopped."),
        EmbedderUnavailableException => e,
        _ => new EmbedderUnavailableException($"The embedder {Info.Id} failed: {e.Message}", e),
    };

    /// <summary>An embedder that learns its dimension from its first answer (Ollama) is asked once at start-up.</summary>
    private void ProbeDimensions()
    {
        if (Info.Dimensions > 0)
        {
            return;
        }
        try
        {
            _generator.GenerateAsync(["dimension probe"], null, _stopping.Token).GetAwaiter().GetResult();
            _logger.LogInformation("Memory embeddings: {EmbedderId} answers with {Dimensions} dimensions.", Info.Id, Info.Dimensions);
        }
        catch (Exception e)
        {
            _logger.LogInformation("Memory embeddings: {EmbedderId} did not answer at start-up ({Reason}); its dimension is learned from its first answer.", Info.Id, e.Message);
        }
    }

    private static EmbedderInfo Describe(EmbeddingGeneratorMetadata? metadata) =>
        new($"{metadata?.ProviderName ?? "unknown"}/{metadata?.DefaultModelId ?? "unknown"}", metadata?.DefaultModelDimensions ?? 0, false,
            $"{metadata?.DefaultModelId ?? "An unnamed model"} from {metadata?.ProviderName ?? "an unnamed provider"}.");

    /// <summary>Stops the worker, fails requests still queued with <see cref="ObjectDisposedException"/>, disposes the generator.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }
        _queue.Writer.TryComplete();
        _queries.Writer.TryComplete();
        await _stopping.CancelAsync();
        await _worker;
        var stopped = new ObjectDisposedException(nameof(MemoryEmbedder), "The memory embedder stopped.");
        _carried?.Fail(stopped);
        while (_queue.Reader.TryRead(out var request) || _queries.Reader.TryRead(out request))
        {
            request.Fail(stopped);
        }
        _generator.Dispose();
        _stopping.Dispose();
    }
}
