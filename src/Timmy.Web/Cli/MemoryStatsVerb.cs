using System.Globalization;
using Timmy.Web.Api.Memory;

namespace Timmy.Web.Cli;

/// <summary><c>timmy memory stats</c>: what the memory holds, the embedder in use, the index and the re-embed, a line each.</summary>
public static class MemoryStatsVerb
{
    public static async Task<int> PrintAsync(MemoryStatsDto stats, TextWriter output)
    {
        var types = string.Join(", ", stats.ByType.Select(t => $"{t.Value} {t.Key}"));
        var agents = string.Join(", ", stats.ByAgent.Select(a => $"{a.Agent} {a.Count}"));
        await output.WriteLineAsync($"Entries:   {stats.Total} ({types}); {stats.Shared} shared; {stats.Documents} documents");
        await output.WriteLineAsync($"Agents:    {(agents.Length == 0 ? "-" : agents)}");
        await output.WriteLineAsync($"Span:      {Time(stats.Oldest)} to {Time(stats.Newest)}");
        await output.WriteLineAsync($"Embedder:  {stats.Embedder.Id} ({stats.Embedder.Dimensions} dimensions"
            + (stats.Embedder.LexicalOnly ? ", words only" : "") + ")" + (stats.EmbedderProblem is { } p ? $"; {p}" : ""));
        await output.WriteLineAsync($"Embedded:  {stats.Embedded}; {stats.AwaitingEmbedding} waiting");
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"Index:     {stats.Index.Vectors} vectors, {stats.Index.Bytes / 1024.0:0.0} KiB")
            + (stats.Index.Loaded ? "" : " (loading)"));
        var reindex = stats.Reindex;
        await output.WriteLineAsync("Re-embed:  " + (reindex.Running ? $"running, {reindex.Done} of {reindex.Total}" : "idle")
            + (reindex.Problem is { } problem ? $"; last stopped: {problem}" : ""));
        return 0;
    }

    private static string Time(DateTimeOffset? time) =>
        time?.ToLocalTime().ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) ?? "-";
}
