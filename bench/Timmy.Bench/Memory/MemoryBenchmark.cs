using System.Diagnostics;
using System.Globalization;
using Timmy.Bench.Reporting;
using Timmy.Core.Memory;
using Timmy.Core.Memory.Embeddings;

namespace Timmy.Bench.Memory;

/// <summary>
/// The semantic memory at scale. Search: the database is filled to each size with made-up entries
/// (<see cref="SyntheticMemories"/>: varied sentences and random clustered 384-d vectors written straight through
/// <see cref="SqliteMemoryStore.AddAsync"/> in batches with their events, bypassing the model), then reopened as after a
/// restart (a fresh index, <see cref="SqliteMemoryStore.LoadIndexAsync"/> timed), and queries run one at a time with
/// their vectors made beforehand: hybrid (<see cref="MemorySearch"/>: exact vector scan + FTS5 BM25 + fusion + reading
/// the hits), vector only (<see cref="MemoryVectorIndex.Nearest"/>), FTS only, filtered, and once end to end with
/// MiniLM embedding the query. Memory: the index's vector bytes and the managed heap / working set growth of the load.
/// Store: entries/s through <see cref="MemoryService.StoreAsync"/> with MiniLM and the hashing fallback, from many
/// concurrent callers (coalesced by <see cref="MemoryEmbedder"/>) and one at a time.
/// </summary>
public static class MemoryBenchmark
{
    private const int BulkBatch = 1_000;
    private const int Warmup = 20;

    public static async Task<int> RunAsync(BenchArguments options)
    {
        var sizes = (options.Text("entries") ?? "10000,100000").Split(',', StringSplitOptions.RemoveEmptyEntries)
            .Select(s => int.Parse(s, CultureInfo.InvariantCulture)).Order().ToArray();
        var queryCount = options.Int("queries", 200);
        var stores = options.Int("stores", 1_000);
        var callers = options.Int("callers", 32);
        var report = new ResultFile("memory", options);
        report.Header("semantic memory: search latency, index memory, store throughput",
            $"dotnet run -c Release --project bench/Timmy.Bench -- memory --entries {string.Join(',', sizes)} --queries {queryCount} --stores {stores} --callers {callers}");
        report.Line($"load:     {MachineFacts.LoadAverage()} (1/5/15 min at start), {Environment.ProcessorCount} cores");

        await using var miniLm = new MemoryEmbedder(EmbedderFactory.Create(new EmbedderOptions()).Generator, new EmbedderOptions());
        var synthetic = new SyntheticMemories(miniLm.Info.Dimensions);
        var queries = new Dictionary<string, float[]>(StringComparer.Ordinal);
        while (queries.Count < queryCount)
        {
            var (text, vector) = synthetic.Query();
            queries.TryAdd(text, vector);
        }
        report.Line($"setup:    {miniLm.Info.Id}, {miniLm.Info.Dimensions} dimensions; entries are made-up sentences (12-31 words from "
            + $"{SyntheticMemories.TopicCount} topics' word lists + Zipf-Mandelbrot distributed common words) with random normalised vectors clustered by topic,");
        report.Line("          written through SqliteMemoryStore.AddAsync in batches of 1,000 with their memory.stored events (the model bypassed);");
        report.Line($"          {queries.Count} distinct queries (2-5 words) with vectors made beforehand, run one at a time after {Warmup} untimed; limit 10, "
            + "min similarity 0.2 (≈ 1/32 of entries pass it)");

        await using (var db = await MemoryBenchDatabase.CreateAsync())
        {
            var writer = db.Open(new PrecomputedQueryEmbedder(miniLm.Info with { Id = "bench/writer-only" }, queries)); // its index ignores the writes
            var written = 0;
            foreach (var size in sizes)
            {
                var started = Stopwatch.GetTimestamp();
                var added = size - written;
                while (written < size)
                {
                    var batch = Enumerable.Range(0, Math.Min(BulkBatch, size - written)).Select(_ => synthetic.Next(miniLm.Info.Id)).ToList();
                    await writer.Store.AddAsync(batch, entries => entries.Select(MemoryEvents.Stored).ToList());
                    written += batch.Count;
                }
                var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
                report.Line();
                report.Line($"-- {size:N0} entries --");
                report.Line($"bulk write:   {added:N0} entries in {seconds:F1} s ({added / seconds:F0} entries/s, no model); database {db.FileBytes / 1e6:F0} MB");
                await SearchAsync(report, db, miniLm, queries, size == sizes[^1]);
            }
        }

        report.Line();
        report.Line("-- store throughput (MemoryService.StoreAsync: embed, then one write transaction with its event, per entry) --");
        await StoreAsync(report, "all-MiniLM-L6-v2 (1 ONNX thread)", miniLm, stores, callers, Math.Max(50, stores / 8));
        await using (var hashing = new MemoryEmbedder(new HashingEmbeddingGenerator(), new EmbedderOptions()))
        {
            await StoreAsync(report, "hashing fallback", hashing, stores, callers, stores);
        }
        report.Line();
        report.Line($"load:     {MachineFacts.LoadAverage()} (1/5/15 min at the end)");
        report.Line($"targets:  search p99 < 20 ms at 100,000 entries on 2 cores; MiniLM store >= 100 entries/s (see the figures above)");
        report.Line($"written:  {report.Save()}");
        return 0;
    }

    private static async Task SearchAsync(ResultFile report, MemoryBenchDatabase db, MemoryEmbedder miniLm, Dictionary<string, float[]> queries, bool largest)
    {
        Settle();
        var heapBefore = GC.GetTotalMemory(forceFullCollection: true);
        var workingSetBefore = Environment.WorkingSet;
        var stack = db.Open(new PrecomputedQueryEmbedder(miniLm.Info, queries));
        var started = Stopwatch.GetTimestamp();
        var loaded = await stack.Store.LoadIndexAsync(miniLm.Info.Id);
        var loadSeconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        stack.State.MarkLoaded();
        Settle();
        var heapGrowth = GC.GetTotalMemory(forceFullCollection: true) - heapBefore;
        var workingSetGrowth = Environment.WorkingSet - workingSetBefore;
        report.Line($"restart:      LoadIndexAsync {loaded:N0} vectors in {loadSeconds * 1000:F0} ms ({loaded / loadSeconds:F0} vectors/s)");
        report.Line($"index memory: vectors {stack.Index.VectorBytes / 1048576.0:F1} MiB (index.VectorBytes); managed heap +{heapGrowth / 1048576.0:F1} MiB, "
            + $"working set +{workingSetGrowth / 1048576.0:F1} MiB over the load (process working set {Environment.WorkingSet / 1048576.0:F0} MiB)");

        var texts = queries.Keys.ToList();
        var forgeFacts = new MemoryFilter { ContextTypes = [MemoryContextTypes.Fact], AgentId = "forge" };
        await Row(report, "hybrid search (MemorySearch.SearchAsync)", texts, t => stack.Search.SearchAsync(new MemorySearchQuery(t)));
        await Row(report, "vector only, exact (MemoryVectorIndex.Nearest, 50)", texts, t => Sync(() => stack.Index.Nearest(queries[t], MemoryFilter.None, MemoryViewer.Owner, 50, 0.2f)));
        await Row(report, "FTS only (SqliteMemoryStore.LexicalAsync, 50)", texts, t => stack.Store.LexicalAsync(FtsQuery.From(t).Match!, MemoryFilter.None, MemoryViewer.Owner, 50));
        await Row(report, "hybrid, filtered type=fact agent=forge", texts, t => stack.Search.SearchAsync(new MemorySearchQuery(t) { Filter = forgeFacts }));
        await Row(report, "vector only, filtered type=fact agent=forge", texts, t => Sync(() => stack.Index.Nearest(queries[t], forgeFacts, MemoryViewer.Owner, 50, 0.2f)));
        await Row(report, "hybrid, agent viewer forge (own + shared)", texts, t => stack.Search.SearchAsync(new MemorySearchQuery(t) { Viewer = MemoryViewer.Agent("forge") }));
        if (largest)
        {
            var endToEnd = new MemorySearch(stack.Store, stack.Index, stack.State, miniLm, Microsoft.Extensions.Options.Options.Create(new MemoryOptions()));
            await Row(report, "hybrid end to end, MiniLM embeds the query", texts, t => endToEnd.SearchAsync(new MemorySearchQuery(t)));
        }
    }

    private static async Task Row<T>(ResultFile report, string name, List<string> texts, Func<string, Task<T>> search)
    {
        foreach (var text in texts.Take(Warmup))
        {
            await search(text);
        }
        var ticks = new List<long>(texts.Count);
        foreach (var text in texts)
        {
            var started = Stopwatch.GetTimestamp();
            await search(text);
            ticks.Add(Stopwatch.GetTimestamp() - started);
        }
        var p = new Percentiles(ticks);
        report.Line($"{name,-52} p50 {p.Ms(50),6:F2}  p95 {p.Ms(95),6:F2}  p99 {p.Ms(99),6:F2}  max {p.MaxMs,6:F2} ms");
    }

    private static async Task StoreAsync(ResultFile report, string name, ITextEmbedder embedder, int count, int callers, int sequential)
    {
        await using var db = await MemoryBenchDatabase.CreateAsync();
        var stack = db.Open(embedder);
        stack.State.MarkLoaded();
        var texts = new SyntheticMemories(embedder.Info.Dimensions, seed: 11);
        var memories = Enumerable.Range(0, count + sequential + 8).Select(texts.Text).ToList();
        foreach (var warm in memories.Take(8))
        {
            await stack.Service.StoreAsync(warm);
        }
        var started = Stopwatch.GetTimestamp();
        await Parallel.ForEachAsync(memories.Skip(8).Take(count), new ParallelOptions { MaxDegreeOfParallelism = callers },
            async (m, ct) => await stack.Service.StoreAsync(m, ct));
        var concurrent = count / Stopwatch.GetElapsedTime(started).TotalSeconds;
        started = Stopwatch.GetTimestamp();
        foreach (var m in memories.Skip(8 + count))
        {
            await stack.Service.StoreAsync(m);
        }
        var single = sequential / Stopwatch.GetElapsedTime(started).TotalSeconds;
        report.Line($"{name,-34} {callers} concurrent callers: {concurrent,8:F1} entries/s ({count} entries)   one at a time: {single,8:F1} entries/s ({sequential} entries)");
    }

    private static Task<T> Sync<T>(Func<T> run) => Task.FromResult(run());

    private static void Settle()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
    }
}
