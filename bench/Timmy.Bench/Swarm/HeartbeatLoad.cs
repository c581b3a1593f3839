using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Timmy.Bench.Reporting;
using Timmy.Core.Swarm.Agents;

namespace Timmy.Bench.Swarm;

/// <summary>Remote agents checking in: registers them (each with its own token id), then every agent heartbeats in a
/// loop, all at once, for a fixed time; each <see cref="AgentRoster.HeartbeatAsync"/> is timed.</summary>
public static class HeartbeatLoad
{
    public static async Task RunAsync(SwarmBenchHost host, int agents, TimeSpan duration, ResultFile report)
    {
        var roster = host.Services.GetRequiredService<AgentRoster>();
        var ids = Enumerable.Range(0, agents).Select(i => $"remote-{i:D3}").ToList();
        foreach (var id in ids)
        {
            await roster.RegisterRemoteAsync(id, $"Remote {id}", ["research", "coding"], TokenOf(id), "bench");
        }
        await BeatAsync(roster, ids, TimeSpan.FromSeconds(1)); // warm-up
        host.Writes.Reset();
        var started = Stopwatch.GetTimestamp();
        var latencies = await BeatAsync(roster, ids, duration);
        var elapsed = Stopwatch.GetElapsedTime(started);
        var all = new Percentiles(latencies.SelectMany(l => l));
        var writes = host.Writes;
        report.Line($"heartbeats:      {all.Count / elapsed.TotalSeconds:N0} /s ({all.Count:N0} in {elapsed.TotalSeconds:F1} s, " +
                    $"{all.Count / elapsed.TotalSeconds / agents:F1} per agent per second)");
        report.Line($"HeartbeatAsync   p50 {all.Ms(50):F2} ms, p99 {all.Ms(99):F2} ms, max {all.MaxMs:F2} ms");
        report.Line($"write transactions: {writes.Commits / (double)Math.Max(1, all.Count):F2} per heartbeat; lock held " +
                    $"{writes.HoldMs / elapsed.TotalMilliseconds:P0} of the run, {writes.HoldMs / Math.Max(1, writes.Commits):F3} ms per transaction");
    }

    private static string TokenOf(string agentId) => "bench-token-" + agentId;

    private static Task<List<long>[]> BeatAsync(AgentRoster roster, IReadOnlyList<string> ids, TimeSpan duration)
    {
        var until = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        return Task.WhenAll(ids.Select(id => Task.Run(async () =>
        {
            var latencies = new List<long>(4096);
            while (Stopwatch.GetTimestamp() < until)
            {
                var start = Stopwatch.GetTimestamp();
                await roster.HeartbeatAsync(id, TokenOf(id));
                latencies.Add(Stopwatch.GetTimestamp() - start);
            }
            return latencies;
        })));
    }
}
