using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OllamaSharp;
using Timmy.Core.Events;
using Timmy.Core.Router;
using Timmy.Core.Storage;

namespace Timmy.Bench;

/// <summary>The router's own overhead: the same non-streaming request against a loopback Ollama fake,
/// directly through OllamaSharp vs through <see cref="CascadeRouter"/> (breaker, Polly pipeline, metrics).
/// Calls alternate between the two so machine noise hits both alike. Allocations are whole-process bytes
/// per call (the in-process server allocates the same in both), so the difference is the router's.</summary>
public static class RouterOverheadBench
{
    public static async Task<int> RunAsync(string[] args)
    {
        var iterations = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 5000;
        await using var server = await BenchOllamaServer.StartAsync();
        var dataDir = Path.Combine(Path.GetTempPath(), "timmy-bench-" + Guid.NewGuid().ToString("N"));
        await using var services = await BuildRouterAsync(server.BaseUrl, dataDir);
        IChatClient direct = new OllamaApiClient(new HttpClient { BaseAddress = new Uri(server.BaseUrl) }, "llama3.2");
        var router = services.GetRequiredService<CascadeRouter>();
        List<ChatMessage> messages = [new(ChatRole.User, "ping")];

        for (var i = 0; i < 500; i++)
        {
            await direct.GetResponseAsync(messages);
            await router.GetResponseAsync(messages);
        }
        var directMs = new List<double>(iterations);
        var routedMs = new List<double>(iterations);
        long directBytes = 0, routedBytes = 0;
        for (var i = 0; i < iterations; i++)
        {
            directBytes += await MeasureAsync(() => direct.GetResponseAsync(messages), directMs);
            routedBytes += await MeasureAsync(() => router.GetResponseAsync(messages), routedMs);
        }
        directMs.Sort();
        routedMs.Sort();
        var report = Report(iterations, directMs, routedMs, directBytes / (double)iterations, routedBytes / (double)iterations);
        var path = BenchResults.PathFor("router-overhead.txt");
        await File.WriteAllTextAsync(path, report);
        Console.Write(report);
        Console.WriteLine($"written to bench/results/{Path.GetFileName(path)}");
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(dataDir, true);
        return 0;
    }

    private static async Task<long> MeasureAsync(Func<Task<ChatResponse>> call, List<double> latencies)
    {
        var before = GC.GetTotalAllocatedBytes(precise: false);
        var start = Stopwatch.GetTimestamp();
        await call();
        latencies.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        return GC.GetTotalAllocatedBytes(precise: false) - before;
    }

    private static async Task<ServiceProvider> BuildRouterAsync(string url, string dataDir)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Timmy:Storage:DataDirectory"] = dataDir,
            ["Timmy:Router:Providers:0:Name"] = "ollama",
            ["Timmy:Router:Providers:0:Type"] = "ollama",
            ["Timmy:Router:Providers:0:Url"] = url,
            ["Timmy:Router:Providers:0:Models:0:Name"] = "llama3.2",
        }).Build();
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddLogging()
            .AddStorage()
            .AddEvents()
            .AddRouter()
            .BuildServiceProvider();
        await services.GetRequiredService<Migrator>().MigrateAsync();
        await services.GetRequiredService<RouterService>().InitializeAsync();
        return services;
    }

    private static string Report(int n, List<double> direct, List<double> routed, double directAlloc, double routedAlloc)
    {
        string F(double v) => v.ToString("0.000", CultureInfo.InvariantCulture);
        var (d50, d99, r50, r99) = (BenchResults.Percentile(direct, 0.5), BenchResults.Percentile(direct, 0.99),
            BenchResults.Percentile(routed, 0.5), BenchResults.Percentile(routed, 0.99));
        var text = new StringBuilder();
        text.AppendLine("Router overhead: non-streaming call to a loopback Ollama fake, direct (OllamaSharp) vs through CascadeRouter");
        text.AppendLine($"command: dotnet run -c Release --project bench/Timmy.Bench -- router {n}");
        text.AppendLine($"date: {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} logical CPUs, .NET {Environment.Version}, {n} calls each after 500 warm-up");
        text.AppendLine($"direct  p50 {F(d50)} ms  p99 {F(d99)} ms  alloc {directAlloc:0} B/call");
        text.AppendLine($"routed  p50 {F(r50)} ms  p99 {F(r99)} ms  alloc {routedAlloc:0} B/call");
        text.AppendLine($"added   p50 {F(r50 - d50)} ms  p99 {F(r99 - d99)} ms  alloc {routedAlloc - directAlloc:0} B/call  (target: < 1 ms at p99)");
        return text.ToString();
    }
}
