using Timmy.Core.Memory.Embeddings;

namespace Timmy.Tests.Memory.Embeddings;

/// <summary>The packaged all-MiniLM-L6-v2, loaded once per test class that uses it (loading takes about a second).</summary>
public sealed class MiniLmFixture : IDisposable
{
    public OnnxSentenceModel Model { get; } = MiniLmModel.Load();

    public OnnxSentenceEncoder Encoder { get; }

    public MiniLmFixture() => Encoder = new OnnxSentenceEncoder(Model, threads: 1, maxTokens: 256);

    public float[] Embed(string text) => Encoder.Encode([text], CancellationToken.None)[0];

    public void Dispose() => Encoder.Dispose();
}
