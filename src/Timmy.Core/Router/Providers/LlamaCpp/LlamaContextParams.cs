using System.Runtime.InteropServices;

namespace Timmy.Core.Router.Providers.LlamaCpp;

// Hand-written mirrors of the C structs in llama.h that cross the boundary by value. They match the
// llama.cpp build pinned in scripts/test-setup.d/llamacpp.sh (npm @node-llama-cpp/linux-x64 3.22.1,
// llama.cpp "v0.5.0", llama_version() "0.5.0-dev"): sizes 80 / 160 / 56 / 16 bytes on x64, checked
// field by field against offsetof() in tests/Timmy.Tests/LlamaCpp/LlamaNativeLayoutTests.cs. C bools
// are one byte, so they are bytes here to keep the structs blittable. We only ever start from
// llama_*_default_params() and change the fields whose offsets that test pins.
[StructLayout(LayoutKind.Sequential)]
internal struct LlamaContextParams
{
    public uint NCtx;
    public uint NBatch;
    public uint NUbatch;
    public uint NSeqMax;
    public uint NRsSeq;
    public uint NOutputsMax;
    public uint NOutputsMaxPerSeq;
    public int NThreads;
    public int NThreadsBatch;
    public int CtxType;
    public int RopeScalingType;
    public int PoolingType;
    public int AttentionType;
    public int FlashAttnType;
    public float RopeFreqBase;
    public float RopeFreqScale;
    public float YarnExtFactor;
    public float YarnAttnFactor;
    public float YarnBetaFast;
    public float YarnBetaSlow;
    public uint YarnOrigCtx;
    public float DefragThold;
    public nint CbEval;
    public nint CbEvalUserData;
    public int TypeK;
    public int TypeV;
    public nint AbortCallback;
    public nint AbortCallbackData;
    public byte Embeddings;
    public byte OffloadKqv;
    public byte NoPerf;
    public byte OpOffload;
    public byte SwaFull;
    public byte KvUnified;
    public nint Samplers;
    public nuint NSamplers;
    public nint CtxOther;
}
