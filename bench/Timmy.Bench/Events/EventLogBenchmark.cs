using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Timmy.Bench.Reporting;
using Timmy.Core.Events;
using Timmy.Core.Storage;
using EventLog = Timmy.Core.Events.EventLog;

namespace Timmy.Bench.Events;

/// <summary>Durable throughput of the real <see cref="EventLog"/> over <see cref="SqliteEventStore"/> on a
/// fresh, migrated SQLite file (WAL, synchronous=FULL): N writers each call <c>LogAsync</c> in a loop for
/// a fixed time; every call is timed, and a counting store decorator records each group commit.</summary>
public static class EventLogBenchmark
{
    private static readonly string[] Types = [EventType.TaskCreated, EventType.BidSubmitted, EventType.AgentStatusChanged, EventType.ToolCompleted];

    public static async Task<int> RunAsync(BenchArguments options)
    {
        var seconds = options.Int("seconds", 10);
        var writerCounts = (options.Text("writers") ?? "1,32").Split(',').Select(int.Parse).ToArray();
        var report = new ResultFile("events", options);
        report.Header("durable event log throughput",
            $"dotnet run -c Release --project bench/Timmy.Bench -- events --seconds {seconds} --writers {string.Join(',', writerCounts)}");
        report.Line($"setup:    EventLog + SqliteEventStore, fresh migrated SQLite file per run in {Path.GetTempPath()} " +
                    "(WAL, synchronous=FULL); each writer awaits LogAsync in a loop for the run time; small JSON data per event");
        report.Line($"cpu cost: sanitising one event's data {SanitizeMicroseconds():F1} µs (single thread, outside the store)");
        report.Line($"cpu cost: chaining one event (canonical form + SHA-256) {ChainMicroseconds():F1} µs (single thread, inside the write transaction)");
        foreach (var writers in writerCounts)
        {
            await RunOnceAsync(writers, TimeSpan.FromSeconds(seconds), report);
        }
        report.Line($"written:  {report.Save()}");
        return 0;
    }

    private static async Task RunOnceAsync(int writers, TimeSpan duration, ResultFile report)
    {
        var dataDirectory = Directory.CreateTempSubdirectory("timmy-bench-events-").FullName;
        try
        {
            var connections = new SqliteConnectionFactory(Options.Create(new StorageOptions { DataDirectory = dataDirectory }));
            await new Migrator(connections, NullLogger<Migrator>.Instance, TimeProvider.System).MigrateAsync();
            var store = new CountingEventStore(new SqliteEventStore(connections));
            await using var log = new EventLog(store, new EventBus(), TimeProvider.System, NullLogger<EventLog>.Instance);

            await RunWritersAsync(log, Math.Min(writers, 4), TimeSpan.FromSeconds(1)); // JIT and page cache warm-up
            store.Reset();
            var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
            var started = Stopwatch.GetTimestamp();
            var latencies = await RunWritersAsync(log, writers, duration);
            var elapsed = Stopwatch.GetElapsedTime(started);
            var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;

            var all = new Percentiles(latencies.SelectMany(l => l));
            var appends = store.Appends;
            var commits = new Percentiles(appends.Select(a => a.Ticks));
            var inStore = appends.Sum(a => a.Ticks) / (double)Stopwatch.Frequency;
            report.Line();
            report.Line($"-- {writers} writer(s), {elapsed.TotalSeconds:F1} s --");
            report.Line($"throughput:    {all.Count / elapsed.TotalSeconds:N0} events/s ({all.Count:N0} events)");
            report.Line($"LogAsync:      {all.Summary()}");
            report.Line($"transactions:  {appends.Count:N0}, average batch {(double)all.Count / Math.Max(1, appends.Count):F1} events, " +
                        $"largest {appends.DefaultIfEmpty().Max(a => a.Size)}");
            report.Line($"AppendAsync:   {commits.Summary()} per transaction; store busy {inStore / elapsed.TotalSeconds:P0} of the run");
            report.Line($"allocations:   {allocated / Math.Max(1, all.Count):N0} bytes per event (whole process)");
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(dataDirectory, recursive: true);
        }
    }

    private static async Task<List<long>[]> RunWritersAsync(EventLog log, int writers, TimeSpan duration)
    {
        var until = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var tasks = Enumerable.Range(0, writers).Select(w => Task.Run(async () =>
        {
            var latencies = new List<long>(64 * 1024);
            for (var i = 0; Stopwatch.GetTimestamp() < until; i++)
            {
                var start = Stopwatch.GetTimestamp();
                await log.LogAsync(Types[i % Types.Length], "bench", $"task-{w}-{i / 10}", $"agent-{w}",
                    new { writer = w, seq = i, bid_sats = 1000 + i % 500, note = "group commit benchmark" });
                latencies.Add(Stopwatch.GetTimestamp() - start);
            }
            return latencies;
        }));
        return await Task.WhenAll(tasks);
    }

    private static double SanitizeMicroseconds()
    {
        const int count = 20_000;
        for (var i = 0; i < 2_000; i++)
        {
            EventSanitizer.Data(new { writer = 1, seq = i, bid_sats = 1000, note = "group commit benchmark" });
        }
        var start = Stopwatch.GetTimestamp();
        for (var i = 0; i < count; i++)
        {
            EventSanitizer.Data(new { writer = 1, seq = i, bid_sats = 1000, note = "group commit benchmark" });
        }
        return Stopwatch.GetElapsedTime(start).TotalMicroseconds / count;
    }

    private static double ChainMicroseconds()
    {
        const int count = 20_000;
        var data = EventSanitizer.Data(new { writer = 1, seq = 1, bid_sats = 1000, note = "group commit benchmark" });
        var now = DateTimeOffset.UtcNow;
        var hash = EventChain.Genesis;
        for (var i = 0; i < 2_000; i++)
        {
            hash = EventChain.Hash(hash, i, now, EventType.SystemInfo, "bench", null, null, null, data);
        }
        var start = Stopwatch.GetTimestamp();
        for (var i = 0; i < count; i++)
        {
            hash = EventChain.Hash(hash, i, now, EventType.SystemInfo, "bench", null, null, null, data);
        }
        return Stopwatch.GetElapsedTime(start).TotalMicroseconds / count;
    }
}
