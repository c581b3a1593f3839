using System.Runtime.InteropServices;

namespace Timmy.Core.Router.Providers.LlamaCpp;

/// <summary>The part of llama.cpp's C API this tier calls, bound by hand as unmanaged function pointers
/// looked up in one loaded <c>libllama</c> (LLamaSharp is not available to this project, and a fixed
/// <c>[DllImport]</c> name could not follow a per-settings library path). Signatures follow llama.h of
/// the pinned build (see LlamaModelParams.cs). A missing export is reported by name, which is how an
/// older or newer, incompatible libllama shows up. ggml's backend loader is reached through the same
/// handle: dlsym on it also searches libllama's own dependencies (libggml, libggml-base).</summary>
internal sealed unsafe class LlamaNative
{
    public required string LibraryFile { get; init; }
    public required string Version { get; init; }

    public delegate* unmanaged[Cdecl]<void> BackendInit;
    public delegate* unmanaged[Cdecl]<nint, nint, void> LogSet;
    public delegate* unmanaged[Cdecl]<LlamaModelParams> ModelDefaultParams;
    public delegate* unmanaged[Cdecl]<LlamaContextParams> ContextDefaultParams;
    public delegate* unmanaged[Cdecl]<byte*, LlamaModelParams, nint> ModelLoadFromFile;
    public delegate* unmanaged[Cdecl]<nint, void> ModelFree;
    public delegate* unmanaged[Cdecl]<nint, LlamaContextParams, nint> InitFromModel;
    public delegate* unmanaged[Cdecl]<nint, void> Free;
    public delegate* unmanaged[Cdecl]<nint, nint> ModelGetVocab;
    public delegate* unmanaged[Cdecl]<nint, byte*, byte*> ModelChatTemplate;
    public delegate* unmanaged[Cdecl]<nint, int, byte> VocabIsEog;
    public delegate* unmanaged[Cdecl]<nint, byte*, int, int*, int, byte, byte, int> Tokenize;
    public delegate* unmanaged[Cdecl]<nint, int, byte*, int, int, byte, int> TokenToPiece;
    public delegate* unmanaged[Cdecl]<byte*, LlamaChatMessage*, nuint, byte, byte*, int, int> ChatApplyTemplate;
    public delegate* unmanaged[Cdecl]<nint, nint> GetMemory;
    public delegate* unmanaged[Cdecl]<nint, byte, void> MemoryClear;
    public delegate* unmanaged[Cdecl]<nint, uint> NCtx;
    public delegate* unmanaged[Cdecl]<nint, uint> NBatch;
    public delegate* unmanaged[Cdecl]<int*, int, LlamaBatch> BatchGetOne;
    public delegate* unmanaged[Cdecl]<nint, LlamaBatch, int> Decode;
    // llama_sampler_chain_init takes `struct { bool no_perf; }` by value; on x64 that travels exactly
    // like a single byte argument, so it is declared as one.
    public delegate* unmanaged[Cdecl]<byte, nint> SamplerChainInit;
    public delegate* unmanaged[Cdecl]<nint, nint, void> SamplerChainAdd;
    public delegate* unmanaged[Cdecl]<nint> SamplerInitGreedy;
    public delegate* unmanaged[Cdecl]<uint, nint> SamplerInitDist;
    public delegate* unmanaged[Cdecl]<float, nint> SamplerInitTemp;
    public delegate* unmanaged[Cdecl]<int, nint> SamplerInitTopK;
    public delegate* unmanaged[Cdecl]<float, nuint, nint> SamplerInitTopP;
    public delegate* unmanaged[Cdecl]<nint, nint, int, int> SamplerSample;
    public delegate* unmanaged[Cdecl]<nint, void> SamplerFree;
    public delegate* unmanaged[Cdecl]<nuint> GgmlBackendRegCount;
    public delegate* unmanaged[Cdecl]<byte*, void> GgmlBackendLoadAllFromPath;
    public delegate* unmanaged[Cdecl]<void> GgmlBackendLoadAll;

    /// <summary>Binds every function above from <paramref name="handle"/>; null and the missing
    /// symbol's name when the library is not the llama.cpp this binding was written for.</summary>
    public static LlamaNative? Bind(nint handle, string libraryFile, out string? missingSymbol)
    {
        missingSymbol = null;
        string? missing = null;
        nint Get(string name)
        {
            if (NativeLibrary.TryGetExport(handle, name, out var address))
                return address;
            missing ??= name;
            return 0;
        }

        var version = Get("llama_version");
        var native = new LlamaNative
        {
            LibraryFile = libraryFile,
            Version = version == 0 ? "unknown" : Marshal.PtrToStringUTF8(((delegate* unmanaged[Cdecl]<nint>)version)()) ?? "unknown",
            BackendInit = (delegate* unmanaged[Cdecl]<void>)Get("llama_backend_init"),
            LogSet = (delegate* unmanaged[Cdecl]<nint, nint, void>)Get("llama_log_set"),
            ModelDefaultParams = (delegate* unmanaged[Cdecl]<LlamaModelParams>)Get("llama_model_default_params"),
            ContextDefaultParams = (delegate* unmanaged[Cdecl]<LlamaContextParams>)Get("llama_context_default_params"),
            ModelLoadFromFile = (delegate* unmanaged[Cdecl]<byte*, LlamaModelParams, nint>)Get("llama_model_load_from_file"),
            ModelFree = (delegate* unmanaged[Cdecl]<nint, void>)Get("llama_model_free"),
            InitFromModel = (delegate* unmanaged[Cdecl]<nint, LlamaContextParams, nint>)Get("llama_init_from_model"),
            Free = (delegate* unmanaged[Cdecl]<nint, void>)Get("llama_free"),
            ModelGetVocab = (delegate* unmanaged[Cdecl]<nint, nint>)Get("llama_model_get_vocab"),
            ModelChatTemplate = (delegate* unmanaged[Cdecl]<nint, byte*, byte*>)Get("llama_model_chat_template"),
            VocabIsEog = (delegate* unmanaged[Cdecl]<nint, int, byte>)Get("llama_vocab_is_eog"),
            Tokenize = (delegate* unmanaged[Cdecl]<nint, byte*, int, int*, int, byte, byte, int>)Get("llama_tokenize"),
            TokenToPiece = (delegate* unmanaged[Cdecl]<nint, int, byte*, int, int, byte, int>)Get("llama_token_to_piece"),
            ChatApplyTemplate = (delegate* unmanaged[Cdecl]<byte*, LlamaChatMessage*, nuint, byte, byte*, int, int>)Get("llama_chat_apply_template"),
            GetMemory = (delegate* unmanaged[Cdecl]<nint, nint>)Get("llama_get_memory"),
            MemoryClear = (delegate* unmanaged[Cdecl]<nint, byte, void>)Get("llama_memory_clear"),
            NCtx = (delegate* unmanaged[Cdecl]<nint, uint>)Get("llama_n_ctx"),
            NBatch = (delegate* unmanaged[Cdecl]<nint, uint>)Get("llama_n_batch"),
            BatchGetOne = (delegate* unmanaged[Cdecl]<int*, int, LlamaBatch>)Get("llama_batch_get_one"),
            Decode = (delegate* unmanaged[Cdecl]<nint, LlamaBatch, int>)Get("llama_decode"),
            SamplerChainInit = (delegate* unmanaged[Cdecl]<byte, nint>)Get("llama_sampler_chain_init"),
            SamplerChainAdd = (delegate* unmanaged[Cdecl]<nint, nint, void>)Get("llama_sampler_chain_add"),
            SamplerInitGreedy = (delegate* unmanaged[Cdecl]<nint>)Get("llama_sampler_init_greedy"),
            SamplerInitDist = (delegate* unmanaged[Cdecl]<uint, nint>)Get("llama_sampler_init_dist"),
            SamplerInitTemp = (delegate* unmanaged[Cdecl]<float, nint>)Get("llama_sampler_init_temp"),
            SamplerInitTopK = (delegate* unmanaged[Cdecl]<int, nint>)Get("llama_sampler_init_top_k"),
            SamplerInitTopP = (delegate* unmanaged[Cdecl]<float, nuint, nint>)Get("llama_sampler_init_top_p"),
            SamplerSample = (delegate* unmanaged[Cdecl]<nint, nint, int, int>)Get("llama_sampler_sample"),
            SamplerFree = (delegate* unmanaged[Cdecl]<nint, void>)Get("llama_sampler_free"),
            GgmlBackendRegCount = (delegate* unmanaged[Cdecl]<nuint>)Get("ggml_backend_reg_count"),
            GgmlBackendLoadAllFromPath = (delegate* unmanaged[Cdecl]<byte*, void>)Get("ggml_backend_load_all_from_path"),
            GgmlBackendLoadAll = (delegate* unmanaged[Cdecl]<void>)Get("ggml_backend_load_all"),
        };
        missingSymbol = missing;
        return missing is null ? native : null;
    }
}
