using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Timmy.Bench.Reporting;

namespace Timmy.Bench.Fanout;

/// <summary>WebSocket fan-out of the real server: connect many <c>/ws/events</c> clients on loopback, log
/// events through <c>POST /api/v1/events</c> at a steady pace, and time each event from just before its
/// POST to its arrival at every client. Server memory is read from /proc around the connections.</summary>
public static class FanoutBenchmark
{
    private const int ConnectParallelism = 32;

    public static async Task<int> RunAsync(BenchArguments options)
    {
        var clients = options.Int("clients", 1000);
        var events = options.Int("events", 200);
        var rate = options.Int("rate", 20);
        var report = new ResultFile("fanout", options);
        report.Header("WebSocket fan-out", $"dotnet run -c Release --project bench/Timmy.Bench -- fanout --clients {clients} --events {events} --rate {rate}");
        report.Line($"limits:   open files {OpenFilesLimit()} (bench process; the server inherits it)");
        report.Line($"setup:    real timmy server process (Release), fresh SQLite data folder, 127.0.0.1; {clients} ClientWebSocket clients " +
                    $"in this process signed in with the start-up link's cookie; {events} events POSTed one after another, paced {rate}/s; " +
                    "per-client throttle raised to 1000/s so pacing, not throttling, sets the rate; clients and server share the same cores");

        await using var server = await ServerProcess.StartAsync(new Dictionary<string, string>
        {
            ["Timmy__Events__MaxConnectionsPerAddress"] = (clients + 10).ToString(),
            ["Timmy__Events__WebsocketEventThrottle"] = "1000",
        });
        var cookies = new CookieContainer();
        using var http = new HttpClient(new SocketsHttpHandler { CookieContainer = cookies, AllowAutoRedirect = false, MaxConnectionsPerServer = 4 })
        {
            BaseAddress = new Uri(server.BaseUrl),
        };
        (await http.GetAsync(server.SignInLink)).EnsureSuccessStatusCodeOrRedirect();
        await PostAsync(http, int.MaxValue); // warms the POST path; clients ignore a seq out of range
        await Task.Delay(500);
        var idle = server.Memory();

        using var run = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var feed = new Uri(server.BaseUrl.Replace("http://", "ws://") + "/ws/events");
        var feedClients = Enumerable.Range(0, clients).Select(_ => new FeedClient(feed, cookies, events)).ToList();
        var expected = (long)clients * events;
        long delivered = 0;
        var allDelivered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnDelivery()
        {
            if (Interlocked.Increment(ref delivered) == expected)
            {
                allDelivered.TrySetResult();
            }
        }
        try
        {
            var connectStarted = Stopwatch.GetTimestamp();
            await Parallel.ForEachAsync(feedClients, new ParallelOptions { MaxDegreeOfParallelism = ConnectParallelism, CancellationToken = run.Token },
                async (client, ct) => await client.ConnectAsync(OnDelivery, ct));
            var connectTime = Stopwatch.GetElapsedTime(connectStarted);
            await Task.Delay(1000);
            var connected = server.Memory();

            var serverCpu = server.CpuTime();
            var benchCpu = Process.GetCurrentProcess().TotalProcessorTime;
            var eventsStarted = Stopwatch.GetTimestamp();
            var sent = new long[events];
            var posts = new List<long>(events);
            using var pace = new PeriodicTimer(TimeSpan.FromSeconds(1.0 / rate));
            for (var i = 0; i < events && await pace.WaitForNextTickAsync(run.Token); i++)
            {
                sent[i] = Stopwatch.GetTimestamp();
                await PostAsync(http, i);
                posts.Add(Stopwatch.GetTimestamp() - sent[i]);
            }
            await Task.WhenAny(allDelivered.Task, Task.Delay(TimeSpan.FromSeconds(15), run.Token));
            var after = server.Memory();
            var wall = Stopwatch.GetElapsedTime(eventsStarted);
            serverCpu = server.CpuTime() - serverCpu;
            benchCpu = Process.GetCurrentProcess().TotalProcessorTime - benchCpu;

            var deliveries = feedClients.SelectMany(c => c.Received.Select((at, i) => at == 0 ? -1 : at - sent[i])).Where(t => t >= 0);
            var latency = new Percentiles(deliveries);
            var lastClient = new Percentiles(Enumerable.Range(0, events)
                .Select(i => feedClients.Max(c => c.Received[i]) is var last and > 0 ? last - sent[i] : -1).Where(t => t >= 0));
            report.Line();
            report.Line($"connect:       {clients} clients in {connectTime.TotalSeconds:F1} s ({ConnectParallelism} at a time), each got initial_state");
            report.Line($"deliveries:    {latency.Count:N0} of {expected:N0} (client x event); gap messages {feedClients.Sum(c => c.Gaps)}");
            report.Line($"POST to client: {latency.Summary()}, mean {latency.MeanMs:F2} ms   <- target p99 < 100 ms");
            report.Line($"POST to last client of each event: {lastClient.Summary()}");
            report.Line($"POST round trip (includes the durable commit): {new Percentiles(posts).Summary()}");
            report.Line($"cpu:           server {serverCpu.TotalSeconds:F2} s, clients (this process) {benchCpu.TotalSeconds:F2} s over {wall.TotalSeconds:F1} s; " +
                        $"server {serverCpu.TotalMicroseconds / Math.Max(1, latency.Count):F1} µs per delivery; load average {File.ReadAllText("/proc/loadavg")[..14]}");
            report.Line($"server memory: idle {Mb(idle.RssKb)} RSS / {Mb(idle.AnonKb)} private; with {clients} clients {Mb(connected.RssKb)} / {Mb(connected.AnonKb)}; " +
                        $"after the events {Mb(after.RssKb)} / {Mb(after.AnonKb)}");
            report.Line($"per client:    {(connected.AnonKb - idle.AnonKb) / (double)clients:F1} KB private memory");
        }
        finally
        {
            feedClients.ForEach(c => c.Dispose());
        }
        report.Line($"written:  {report.Save()}");
        return 0;
    }

    private static async Task PostAsync(HttpClient http, int seq)
    {
        using var response = await http.PostAsJsonAsync("/api/v1/events", new Dictionary<string, object>
        {
            ["event_type"] = "system.info",
            ["source"] = "fanout-bench",
            ["data"] = new Dictionary<string, object> { ["bench_seq"] = seq, ["note"] = "fan-out benchmark event" },
        });
        response.EnsureSuccessStatusCode();
    }

    public static void EnsureSuccessStatusCodeOrRedirect(this HttpResponseMessage response)
    {
        if (response.StatusCode != HttpStatusCode.Redirect || response.Headers.Location?.OriginalString != "/")
        {
            throw new InvalidOperationException($"Sign-in with the start-up link failed: {(int)response.StatusCode} {response.Headers.Location}");
        }
    }

    private static string OpenFilesLimit() =>
        File.ReadLines("/proc/self/limits").FirstOrDefault(l => l.StartsWith("Max open files", StringComparison.Ordinal))?
            .Split(' ', StringSplitOptions.RemoveEmptyEntries) is [_, _, _, var soft, var hard, ..] ? $"{soft} (hard {hard})" : "unknown";

    private static string Mb(long kb) => $"{kb / 1024.0:F0} MB";
}
