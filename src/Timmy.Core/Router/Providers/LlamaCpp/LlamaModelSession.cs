using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using LLama;
using LLama.Common;
using LLama.Exceptions;
using LLama.Native;

namespace Timmy.Core.Router.Providers.LlamaCpp;

/// <summary>One loaded GGUF model with one llama.cpp context (through LLamaSharp): tokenizing, the model's
/// chat template, and the decode/sample loop. Not thread-safe; <see cref="LlamaCppChatClient"/> serialises
/// calls. Cancellation is checked between tokens and also inside <c>llama_decode</c> through the context's
/// abort callback, so a long prompt on a big model stops promptly too.</summary>
internal sealed unsafe class LlamaModelSession : IDisposable
{
    private readonly LLamaWeights weights;
    private readonly LLamaContext context;
    private readonly int* abortFlag;
    private bool disposed;

    private LlamaModelSession(LLamaWeights weights, LLamaContext context, int* abortFlag)
    {
        this.weights = weights;
        this.context = context;
        this.abortFlag = abortFlag;
        ChatTemplate = weights.Metadata.GetValueOrDefault("tokenizer.chat_template");
    }

    public int ContextSize => (int)context.ContextSize;
    public string? ChatTemplate { get; }

    public static LlamaModelSession Load(string modelFile, LlamaCppSettings settings)
    {
        var parameters = new ModelParams(modelFile)
        {
            ContextSize = (uint)Math.Max(64, settings.ContextSize),
            GpuLayerCount = 0,
            Threads = settings.Threads > 0 ? settings.Threads : null,
            BatchThreads = settings.Threads > 0 ? settings.Threads : null,
        };
        parameters.BatchSize = Math.Min(parameters.BatchSize, parameters.ContextSize.Value);
        parameters.UBatchSize = Math.Min(parameters.UBatchSize, parameters.BatchSize);
        LLamaWeights? loaded = null;
        string errors;
        LlamaNativeLog.BeginCapture();
        try
        {
            loaded = LLamaWeights.LoadFromFile(parameters);
        }
        catch (LoadWeightsFailedException)
        {
            // Why is in llama.cpp's log, captured below.
        }
        catch (Exception e) when (e is RuntimeError or TypeInitializationException or DllNotFoundException)
        {
            throw new LlamaCppUnavailableException("the llama.cpp library that LLamaSharp ships could not be loaded: " + (e.InnerException ?? e).Message);
        }
        finally
        {
            errors = LlamaNativeLog.EndCapture();
        }
        if (loaded is null)
            throw new LlamaCppUnavailableException($"llama.cpp could not load the model {modelFile}" + (errors.Length > 0 ? ": " + errors : ""));

        var flag = (int*)NativeMemory.AllocZeroed(sizeof(int));
        try
        {
            var created = loaded.CreateContext(parameters);
            NativeApi.llama_set_abort_callback(created.NativeHandle, (nint)(delegate* unmanaged[Cdecl]<nint, byte>)&ShouldAbort, (nint)flag);
            return new LlamaModelSession(loaded, created, flag);
        }
        catch (RuntimeError)
        {
            loaded.Dispose();
            NativeMemory.Free(flag);
            throw new LlamaCppUnavailableException($"llama.cpp could not create a {parameters.ContextSize}-token context for {modelFile}");
        }
    }

    public LLamaToken[] Tokenize(string text, bool addSpecial, bool parseSpecial) => context.Tokenize(text, addSpecial, parseSpecial);

    /// <summary>Applies the model's own chat template; null when it has none or llama.cpp does not know it.</summary>
    public string? ApplyChatTemplate(IReadOnlyList<(string Role, string Content)> messages)
    {
        if (ChatTemplate is null || messages.Count == 0)
            return null;
        var template = new LLamaTemplate(ChatTemplate) { AddAssistant = true };
        foreach (var (role, content) in messages)
            template.Add(role, content);
        try
        {
            return Encoding.UTF8.GetString(template.Apply());
        }
        catch (TemplateNotFoundException)
        {
            return null;
        }
    }

    /// <summary>Runs the prompt, then samples until an end-of-generation token, the cap, or a full
    /// context, handing each piece of text to <paramref name="onText"/> as soon as it decodes to
    /// complete UTF-8. Returns the number of tokens produced and whether the cap/context stopped it.</summary>
    public (int OutputTokens, bool HitLimit) Generate(LLamaToken[] prompt, LlamaSamplingOptions sampling, int maxOutputTokens,
        Action<string> onText, Action onToken, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        Volatile.Write(ref *abortFlag, 0);
        using var registration = cancellationToken.Register(static state => Volatile.Write(ref *(int*)(nint)state!, 1), (nint)abortFlag);
        context.NativeHandle.MemoryClear(true);

        var batch = new LLamaBatch();
        var batchSize = (int)context.BatchSize;
        for (var start = 0; start < prompt.Length; start += batchSize)
        {
            batch.Clear();
            var end = Math.Min(prompt.Length, start + batchSize);
            for (var i = start; i < end; i++)
                batch.Add(prompt[i], i, LLamaSeqId.Zero, logits: i == prompt.Length - 1);
            DecodeOrThrow(batch, cancellationToken);
        }

        using var sampler = sampling.Create();
        var decoder = new StreamingTokenDecoder(context);
        var produced = 0;
        var position = prompt.Length;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (produced >= maxOutputTokens || position >= ContextSize)
                return (produced, true);
            var token = sampler.Sample(context.NativeHandle, batch.TokenCount - 1);
            if (token.IsEndOfGeneration(context.Vocab))
                return (produced, false);
            produced++;
            onToken();
            decoder.Add(token);
            var text = decoder.Read();
            if (text.Length > 0)
                onText(text);
            batch.Clear();
            batch.Add(token, position++, LLamaSeqId.Zero, logits: true);
            DecodeOrThrow(batch, cancellationToken);
        }
    }

    private void DecodeOrThrow(LLamaBatch batch, CancellationToken cancellationToken)
    {
        var result = context.Decode(batch);
        if (result == DecodeResult.ComputeAborted || cancellationToken.IsCancellationRequested)
            cancellationToken.ThrowIfCancellationRequested();
        if (result != DecodeResult.Ok)
            throw new InvalidOperationException($"llama_decode failed: {result}");
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static byte ShouldAbort(nint data) => (byte)(Volatile.Read(ref *(int*)data) != 0 ? 1 : 0);

    public void Dispose()
    {
        if (disposed)
            return;
        disposed = true;
        context.Dispose();
        weights.Dispose();
        NativeMemory.Free(abortFlag);
    }
}
