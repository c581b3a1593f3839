using Microsoft.Extensions.AI;

namespace Timmy.Core.Router.Providers.LlamaCpp;

/// <summary>How the next token is picked, from the caller's <see cref="ChatOptions"/> with the tier's
/// settings as defaults: temperature 0 is greedy; otherwise top-k, top-p, temperature, then a seeded
/// random draw (a fixed seed repeats the answer).</summary>
internal sealed record LlamaSamplingOptions(float Temperature, int TopK, float TopP, uint Seed)
{
    private const uint RandomSeed = 0xFFFFFFFF; // LLAMA_DEFAULT_SEED

    public static LlamaSamplingOptions From(ChatOptions? options, LlamaCppSettings settings) => new(
        options?.Temperature ?? settings.Temperature,
        options?.TopK ?? 40,
        options?.TopP ?? 0.95f,
        options?.Seed is long seed ? unchecked((uint)seed) : RandomSeed);

    public unsafe nint Create(LlamaNative native)
    {
        var chain = native.SamplerChainInit(1);
        if (Temperature <= 0)
        {
            native.SamplerChainAdd(chain, native.SamplerInitGreedy());
            return chain;
        }
        if (TopK > 0)
            native.SamplerChainAdd(chain, native.SamplerInitTopK(TopK));
        if (TopP is > 0 and < 1)
            native.SamplerChainAdd(chain, native.SamplerInitTopP(TopP, 1));
        native.SamplerChainAdd(chain, native.SamplerInitTemp(Temperature));
        native.SamplerChainAdd(chain, native.SamplerInitDist(Seed));
        return chain;
    }
}
