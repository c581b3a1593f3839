using System.Runtime.InteropServices;
using Timmy.Core.Router.Providers.LlamaCpp;

namespace Timmy.Tests.LlamaCpp;

/// <summary>The binding's structs against the C layout of the pinned llama.h. The expected numbers are
/// sizeof/offsetof printed by a C compiler from llama.h of llama.cpp "v0.5.0" as shipped inside
/// node-llama-cpp 3.22.1 (the runtime the setup script installs), on x64.</summary>
public sealed class LlamaNativeLayoutTests
{
    [Fact]
    public void Sizes_MatchTheCHeader()
    {
        Assert.Equal(80, Marshal.SizeOf<LlamaModelParams>());
        Assert.Equal(160, Marshal.SizeOf<LlamaContextParams>());
        Assert.Equal(56, Marshal.SizeOf<LlamaBatch>());
        Assert.Equal(16, Marshal.SizeOf<LlamaChatMessage>());
    }

    [Theory]
    [InlineData(nameof(LlamaModelParams.NGpuLayers), 16)]
    [InlineData(nameof(LlamaModelParams.MainGpu), 32)]
    [InlineData(nameof(LlamaModelParams.KvOverrides), 64)]
    [InlineData(nameof(LlamaModelParams.VocabOnly), 72)]
    [InlineData(nameof(LlamaModelParams.LoadMtp), 77)]
    public void ModelParams_Offsets_MatchTheCHeader(string field, int offset)
    {
        Assert.Equal(offset, (int)Marshal.OffsetOf<LlamaModelParams>(field));
    }

    [Theory]
    [InlineData(nameof(LlamaContextParams.NCtx), 0)]
    [InlineData(nameof(LlamaContextParams.NBatch), 4)]
    [InlineData(nameof(LlamaContextParams.NUbatch), 8)]
    [InlineData(nameof(LlamaContextParams.NThreads), 28)]
    [InlineData(nameof(LlamaContextParams.NThreadsBatch), 32)]
    [InlineData(nameof(LlamaContextParams.CtxType), 36)]
    [InlineData(nameof(LlamaContextParams.RopeFreqBase), 56)]
    [InlineData(nameof(LlamaContextParams.CbEval), 88)]
    [InlineData(nameof(LlamaContextParams.TypeK), 104)]
    [InlineData(nameof(LlamaContextParams.AbortCallback), 112)]
    [InlineData(nameof(LlamaContextParams.AbortCallbackData), 120)]
    [InlineData(nameof(LlamaContextParams.Embeddings), 128)]
    [InlineData(nameof(LlamaContextParams.NoPerf), 130)]
    [InlineData(nameof(LlamaContextParams.KvUnified), 133)]
    [InlineData(nameof(LlamaContextParams.Samplers), 136)]
    [InlineData(nameof(LlamaContextParams.NSamplers), 144)]
    [InlineData(nameof(LlamaContextParams.CtxOther), 152)]
    public void ContextParams_Offsets_MatchTheCHeader(string field, int offset)
    {
        Assert.Equal(offset, (int)Marshal.OffsetOf<LlamaContextParams>(field));
    }
}
