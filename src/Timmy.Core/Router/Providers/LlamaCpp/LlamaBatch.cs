using System.Runtime.InteropServices;

namespace Timmy.Core.Router.Providers.LlamaCpp;

// Hand-written mirror of a C struct in llama.h (see LlamaModelParams.cs for the pinned build and the
// layout test). Pointers stay raw: the struct is passed by value and must stay blittable.
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct LlamaBatch
{
    public int NTokens;
    public int* Token;
    public float* Embd;
    public int* Pos;
    public int* NSeqId;
    public int** SeqId;
    public sbyte* Logits;
}
