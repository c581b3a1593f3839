using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;

namespace Timmy.Core.Router.Providers.LlamaCpp;

/// <summary>One loaded GGUF model with one llama.cpp context: tokenizing, the model's chat template,
/// and the decode/sample loop. Not thread-safe; <see cref="LlamaCppChatClient"/> serialises calls.
/// Cancellation is checked between tokens and also inside <c>llama_decode</c> through the context's
/// abort callback, so a long prompt on a big model stops promptly too.</summary>
internal sealed unsafe class LlamaModelSession : IDisposable
{
    private const int DecodeAborted = 2;

    private readonly LlamaNative native;
    private readonly nint model;
    private readonly nint context;
    private readonly nint vocab;
    private readonly int* abortFlag;
    private bool disposed;

    private LlamaModelSession(LlamaNative native, nint model, nint context, int* abortFlag)
    {
        this.native = native;
        this.model = model;
        this.context = context;
        this.abortFlag = abortFlag;
        vocab = native.ModelGetVocab(model);
        ContextSize = (int)native.NCtx(context);
        BatchSize = Math.Max(1, (int)native.NBatch(context));
        var template = native.ModelChatTemplate(model, null);
        ChatTemplate = template is null ? null : Marshal.PtrToStringUTF8((nint)template);
    }

    public int ContextSize { get; }
    public int BatchSize { get; }
    public string? ChatTemplate { get; }
    public LlamaNative Native => native;

    public static LlamaModelSession Load(LlamaNative native, string modelFile, LlamaCppSettings settings)
    {
        var modelParams = native.ModelDefaultParams();
        modelParams.NGpuLayers = 0;
        var path = Encoding.UTF8.GetBytes(modelFile + "\0");
        nint loadedModel;
        string errors;
        LlamaNativeLog.BeginCapture();
        try
        {
            fixed (byte* p = path)
                loadedModel = native.ModelLoadFromFile(p, modelParams);
        }
        finally
        {
            errors = LlamaNativeLog.EndCapture();
        }
        if (loadedModel == 0)
            throw new LlamaCppUnavailableException(
                $"llama.cpp could not load the model {modelFile}" + (errors.Length > 0 ? ": " + errors : ""));

        var flag = (int*)NativeMemory.AllocZeroed(sizeof(int));
        var contextParams = native.ContextDefaultParams();
        contextParams.NCtx = (uint)Math.Max(64, settings.ContextSize);
        contextParams.NBatch = Math.Min(contextParams.NBatch, contextParams.NCtx);
        contextParams.NUbatch = Math.Min(contextParams.NUbatch, contextParams.NBatch);
        if (settings.Threads > 0)
        {
            contextParams.NThreads = settings.Threads;
            contextParams.NThreadsBatch = settings.Threads;
        }
        contextParams.NoPerf = 1;
        contextParams.AbortCallback = (nint)(delegate* unmanaged[Cdecl]<nint, byte>)&ShouldAbort;
        contextParams.AbortCallbackData = (nint)flag;
        var loadedContext = native.InitFromModel(loadedModel, contextParams);
        if (loadedContext == 0)
        {
            native.ModelFree(loadedModel);
            NativeMemory.Free(flag);
            throw new LlamaCppUnavailableException($"llama.cpp could not create a {contextParams.NCtx}-token context for {modelFile}");
        }
        return new LlamaModelSession(native, loadedModel, loadedContext, flag);
    }

    public int[] Tokenize(string text, bool addSpecial, bool parseSpecial)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        var capacity = bytes.Length + 8;
        while (true)
        {
            var tokens = new int[capacity];
            int count;
            fixed (byte* t = bytes)
            fixed (int* o = tokens)
                count = native.Tokenize(vocab, t, bytes.Length, o, capacity, Bool(addSpecial), Bool(parseSpecial));
            if (count >= 0)
                return tokens[..count];
            if (count == int.MinValue)
                throw new InvalidOperationException("the prompt is too long to tokenize");
            capacity = -count;
        }
    }

    /// <summary>Applies the model's own chat template; null when it has none or llama.cpp does not know it.</summary>
    public string? ApplyChatTemplate(IReadOnlyList<(string Role, string Content)> messages) =>
        ChatTemplate is null ? null : LlamaChatTemplate.Apply(native, ChatTemplate, messages);

    /// <summary>Runs the prompt, then samples until an end-of-generation token, the cap, or a full
    /// context, handing each piece of text to <paramref name="onText"/> as soon as it decodes to
    /// complete UTF-8. Returns the number of tokens produced and whether the cap/context stopped it.</summary>
    public (int OutputTokens, bool HitLimit) Generate(int[] prompt, LlamaSamplingOptions sampling, int maxOutputTokens,
        Action<string> onText, Action onToken, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        Volatile.Write(ref *abortFlag, 0);
        using var registration = cancellationToken.Register(static state => Volatile.Write(ref *(int*)(nint)state!, 1), (nint)abortFlag);
        native.MemoryClear(native.GetMemory(context), 1);

        fixed (int* p = prompt)
        {
            for (var start = 0; start < prompt.Length; start += BatchSize)
                DecodeOrThrow(native.BatchGetOne(p + start, Math.Min(BatchSize, prompt.Length - start)), cancellationToken);
        }

        var sampler = sampling.Create(native);
        var decoder = Encoding.UTF8.GetDecoder();
        var piece = new byte[256];
        var chars = new char[512];
        var produced = 0;
        var position = prompt.Length;
        try
        {
            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (produced >= maxOutputTokens || position >= ContextSize)
                    return (produced, true);
                var token = native.SamplerSample(sampler, context, -1);
                if (native.VocabIsEog(vocab, token) != 0)
                    return (produced, false);
                produced++;
                onToken();
                var length = PieceOf(token, ref piece);
                var count = decoder.GetChars(piece, 0, length, chars, 0, flush: false);
                if (count > 0)
                    onText(new string(chars, 0, count));
                DecodeOrThrow(native.BatchGetOne(&token, 1), cancellationToken);
                position++;
            }
        }
        finally
        {
            native.SamplerFree(sampler);
        }
    }

    private int PieceOf(int token, ref byte[] buffer)
    {
        while (true)
        {
            int length;
            fixed (byte* b = buffer)
                length = native.TokenToPiece(vocab, token, b, buffer.Length, 0, 0);
            if (length >= 0)
                return length;
            buffer = new byte[-length];
        }
    }

    private void DecodeOrThrow(LlamaBatch batch, CancellationToken cancellationToken)
    {
        var result = native.Decode(context, batch);
        if (result == DecodeAborted || cancellationToken.IsCancellationRequested)
            cancellationToken.ThrowIfCancellationRequested();
        if (result != 0)
            throw new InvalidOperationException($"llama_decode failed with code {result}");
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static byte ShouldAbort(nint data) => (byte)(Volatile.Read(ref *(int*)data) != 0 ? 1 : 0);

    private static byte Bool(bool value) => value ? (byte)1 : (byte)0;

    public void Dispose()
    {
        if (disposed)
            return;
        disposed = true;
        native.Free(context);
        native.ModelFree(model);
        NativeMemory.Free(abortFlag);
    }
}
