using LLama.Sampling;
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

    public BaseSamplingPipeline Create() => Temperature <= 0
        ? new GreedySamplingPipeline()
        : new DefaultSamplingPipeline { Temperature = Temperature, TopK = TopK, TopP = TopP, MinP = 0, Seed = Seed };
}
