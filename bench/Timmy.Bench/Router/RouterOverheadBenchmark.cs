using System.Diagnostics;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OllamaSharp;
using Timmy.Bench.Reporting;
using Timmy.Core.Events;
using Timmy.Core.Router;
using Timmy.Core.Storage;

namespace Timmy.Bench.Router;

/// <summary>The router's own overhead: the same non-streaming request against a loopback Ollama fake,
/// directly through OllamaSharp vs through <see cref="CascadeRouter"/> (breaker, Polly pipeline, metrics).
/// Calls alternate between the two so machine noise hits both alike. Allocations are whole-process bytes
/// per call (the in-process server allocates the same in both), so the difference is the router's.</summary>
public static class RouterOverheadBenchmark
{
    private const int WarmUpCalls = 500;

    public static async Task<int> RunAsync(BenchArguments options)
    {
        var calls = options.Int("calls", 5000);
        await using var server = await BenchOllamaServer.StartAsync();
        var dataDir = Path.Combine(Path.GetTempPath(), "timmy-bench-" + Guid.NewGuid().ToString("N"));
        await using var services = await BuildRouterAsync(server.BaseUrl, dataDir);
        IChatClient direct = new OllamaApiClient(new HttpClient { BaseAddress = new Uri(server.BaseUrl) }, "llama3.2");
        var router = services.GetRequiredService<CascadeRouter>();
        List<ChatMessage> messages = [new(ChatRole.User, "ping")];

        for (var i = 0; i < WarmUpCalls; i++)
        {
            await direct.GetResponseAsync(messages);
            await router.GetResponseAsync(messages);
        }
        var directTicks = new List<long>(calls);
        var routedTicks = new List<long>(calls);
        long directBytes = 0, routedBytes = 0;
        for (var i = 0; i < calls; i++)
        {
            directBytes += await MeasureAsync(() => direct.GetResponseAsync(messages), directTicks);
            routedBytes += await MeasureAsync(() => router.GetResponseAsync(messages), routedTicks);
        }

        var result = new ResultFile("router", options);
        result.Header("Router overhead: non-streaming call to a loopback Ollama fake, direct vs through CascadeRouter",
            $"dotnet run -c Release --project bench/Timmy.Bench -- router --calls {calls}");
        Report(result, calls, new Percentiles(directTicks), new Percentiles(routedTicks),
            directBytes / (double)calls, routedBytes / (double)calls);
        Console.WriteLine("written to " + result.Save());

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(dataDir, true);
        return 0;
    }

    private static async Task<long> MeasureAsync(Func<Task<ChatResponse>> call, List<long> ticks)
    {
        var before = GC.GetTotalAllocatedBytes(precise: false);
        var start = Stopwatch.GetTimestamp();
        await call();
        ticks.Add(Stopwatch.GetTimestamp() - start);
        return GC.GetTotalAllocatedBytes(precise: false) - before;
    }

    private static Task<ServiceProvider> BuildRouterAsync(string url, string dataDir) =>
        BuildRouterAsync(dataDir, "ollama", url, "llama3.2");

    /// <summary>The app's router in process with one provider, its store migrated and loaded.</summary>
    public static async Task<ServiceProvider> BuildRouterAsync(string dataDir, string type, string url, string model)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Timmy:Storage:DataDirectory"] = dataDir,
            ["Timmy:Router:Providers:0:Name"] = type,
            ["Timmy:Router:Providers:0:Type"] = type,
            ["Timmy:Router:Providers:0:Url"] = url,
            ["Timmy:Router:Providers:0:Models:0:Name"] = model,
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

    private static void Report(ResultFile result, int calls, Percentiles direct, Percentiles routed, double directAlloc, double routedAlloc)
    {
        result.Line($"calls:    {calls} each, alternating, after {WarmUpCalls} warm-up calls each");
        result.Line($"direct    p50 {direct.Ms(50):F3} ms  p99 {direct.Ms(99):F3} ms  alloc {directAlloc:F0} B/call");
        result.Line($"routed    p50 {routed.Ms(50):F3} ms  p99 {routed.Ms(99):F3} ms  alloc {routedAlloc:F0} B/call");
        result.Line($"added     p50 {routed.Ms(50) - direct.Ms(50):F3} ms  p99 {routed.Ms(99) - direct.Ms(99):F3} ms  " +
                    $"alloc {routedAlloc - directAlloc:F0} B/call  (target: < 1 ms at p99)");
    }
}
