using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;

namespace Timmy.Core.Router.Providers.LlamaCpp;

/// <summary>The in-process local tier: a GGUF model run by llama.cpp inside this process, through
/// LLamaSharp and the native libraries of the LLamaSharp.Backend.Cpu package. The model is found from
/// <see cref="LlamaCppSettings"/> on first use and kept loaded; one generation
/// runs at a time, on a dedicated worker thread, and its pieces are streamed through a channel.
/// When the model is missing or will not load, <see cref="ProbeAsync"/> says why and every call throws
/// <see cref="LlamaCppUnavailableException"/> with the same reason, so the router moves on.</summary>
public sealed class LlamaCppChatClient : IChatClient, IProviderProbe, IDisposable
{
    private readonly LlamaCppSettings settings;
    private readonly ILogger<LlamaCppChatClient> logger;
    private readonly SemaphoreSlim gate = new(1, 1);
    private readonly CancellationTokenSource lifetime = new();
    private volatile LlamaModelSession? session;
    private string? modelName;
    private string? modelFileName;
    private bool disposed;

    public LlamaCppChatClient(LlamaCppSettings settings, ILogger<LlamaCppChatClient> logger)
    {
        this.settings = settings;
        this.logger = logger;
        LlamaNativeLog.Attach(logger);
    }

    public async Task<ProviderProbeResult> ProbeAsync(CancellationToken cancellationToken = default)
    {
        if (session is not null)
            return Ready();
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await Task.Factory.StartNew(LoadUnderGate, cancellationToken, TaskCreationOptions.LongRunning, TaskScheduler.Default)
                .ConfigureAwait(false);
            return Ready();
        }
        catch (LlamaCppUnavailableException e)
        {
            return ProviderProbeResult.Unavailable(e.Reason);
        }
        finally
        {
            gate.Release();
        }
    }

    public async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null,
        CancellationToken cancellationToken = default) =>
        await GetStreamingResponseAsync(messages, options, cancellationToken).ToChatResponseAsync(cancellationToken).ConfigureAwait(false);

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages,
        ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        var turns = LlamaPromptFormatter.Turns(messages);
        var maxOutputTokens = options?.MaxOutputTokens is > 0 and var max ? max : settings.MaxOutputTokens;
        var sampling = LlamaSamplingOptions.From(options, settings);
        // Bounded, so a slow reader holds the worker back instead of a backlog of tokens piling up.
        var channel = Channel.CreateBounded<ChatResponseUpdate>(new BoundedChannelOptions(16) { SingleReader = true, SingleWriter = true });

        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, lifetime.Token);
        var run = new LlamaGenerationRun(turns, sampling, maxOutputTokens, channel.Writer, () => modelName, logger);
        var worker = Task.Factory.StartNew(() => run.Execute(LoadUnderGate, stop.Token),
            CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        try
        {
            await foreach (var update in channel.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                cancellationToken.ThrowIfCancellationRequested();
                yield return update;
            }
        }
        finally
        {
            await stop.CancelAsync().ConfigureAwait(false);
            await worker.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            gate.Release();
        }
    }

    public object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        if (serviceKey is not null)
            return null;
        if (serviceType == typeof(ChatClientMetadata))
            return new ChatClientMetadata("llamacpp", null, modelName);
        return serviceType.IsInstanceOfType(this) ? this : null;
    }

    public void Dispose()
    {
        if (disposed)
            return;
        disposed = true;
        lifetime.Cancel();
        gate.Wait();
        try
        {
            session?.Dispose();
            session = null;
        }
        finally
        {
            gate.Release();
            lifetime.Dispose();
        }
    }

    private ProviderProbeResult Ready() =>
        ProviderProbeResult.Ok($"ok: {modelFileName} loaded in process (llama.cpp via LLamaSharp)",
            modelName is null ? null : [modelName]);

    // Runs with the gate held, on a worker thread: loading a large model takes a while.
    private LlamaModelSession LoadUnderGate()
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        if (session is { } current)
            return current;
        var modelFile = LlamaModelLocator.Find(settings);
        if (!modelFile.Found)
            throw new LlamaCppUnavailableException(modelFile.FailureReason!);
        logger.LogInformation("Loading {ModelFile} with llama.cpp via LLamaSharp", modelFile.ModelFile);
        var loaded = LlamaModelSession.Load(modelFile.ModelFile!, settings);
        modelFileName = Path.GetFileName(modelFile.ModelFile);
        modelName = string.IsNullOrWhiteSpace(settings.ModelPath) && !string.IsNullOrWhiteSpace(settings.OllamaModelName)
            ? settings.OllamaModelName
            : modelFileName;
        session = loaded;
        return loaded;
    }
}
