using System.Runtime.InteropServices;

namespace Timmy.Core.Router.Providers.LlamaCpp;

// Hand-written mirrors of the C structs in llama.h that cross the boundary by value. They match the
// llama.cpp build pinned in scripts/test-setup.d/llamacpp.sh (npm @node-llama-cpp/linux-x64 3.22.1,
// llama.cpp "v0.5.0", llama_version() "0.5.0-dev"): sizes 80 / 160 / 56 / 16 bytes on x64, checked
// field by field against offsetof() in tests/Timmy.Tests/LlamaCpp/LlamaNativeLayoutTests.cs. C bools
// are one byte, so they are bytes here to keep the structs blittable. We only ever start from
// llama_*_default_params() and change the fields whose offsets that test pins.
[StructLayout(LayoutKind.Sequential)]
internal struct LlamaModelParams
{
    public nint Devices;
    public nint TensorBuftOverrides;
    public int NGpuLayers;
    public int SplitMode;
    public int LoadMode;
    public int LazyMode;
    public int MainGpu;
    public nint TensorSplit;
    public nint ProgressCallback;
    public nint ProgressCallbackUserData;
    public nint KvOverrides;
    public byte VocabOnly;
    public byte CheckTensors;
    public byte UseExtraBufts;
    public byte NoHost;
    public byte NoAlloc;
    public byte LoadMtp;
}
