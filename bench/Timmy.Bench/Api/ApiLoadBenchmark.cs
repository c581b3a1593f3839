using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using Timmy.Bench.Fanout;
using Timmy.Bench.Reporting;
using Timmy.Core.Security;

namespace Timmy.Bench.Api;

/// <summary>Events per second through the HTTP API of the real server (its own process on 127.0.0.1, fresh data
/// folder, a real <c>events:write</c> token): single <c>POST /api/v1/events</c> from 1 and N keep-alive clients, then
/// <c>POST /api/v1/events/batch</c> of 100 and 1,000 events. Each client posts in a loop for the run time and times
/// every request (a request returns after its events are committed). Clients share the server's cores.</summary>
public static class ApiLoadBenchmark
{
    private const string Body = """{"event_type":"system.info","source":"api-bench","task_id":"t-1","data":{"description":"load","n":1}}""";

    public static async Task<int> RunAsync(BenchArguments options)
    {
        var seconds = options.Int("seconds", 10);
        var clients = options.Int("clients", 32);
        var batchClients = options.Int("batch-clients", 4);
        var report = new ResultFile("api", options);
        report.Header("HTTP API event throughput",
            $"dotnet run -c Release --project bench/Timmy.Bench -- api --seconds {seconds} --clients {clients} --batch-clients {batchClients}");
        report.Line("setup:    real timmy server process (Release), fresh SQLite data folder (WAL, synchronous=FULL), 127.0.0.1, " +
                    "HTTP/1.1 keep-alive, Authorization: Bearer with a real events:write token; the load generator runs in this " +
                    "process on the same 2 cores; each client awaits its request's answer (201, after the commit) before the next");
        report.Line($"load:     {File.ReadAllText("/proc/loadavg").Trim()} (/proc/loadavg at start: other work on the machine)");
        report.Line($"event:    {Body} ({Encoding.UTF8.GetByteCount(Body)} bytes)");

        await using var server = await ServerProcess.StartAsync(new Dictionary<string, string>());
        var token = await BenchToken.CreateAsync(server.DataDirectory, ApiScopes.EventsWrite);
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = Math.Max(clients, batchClients), UseCookies = false })
        {
            BaseAddress = new Uri(server.BaseUrl),
        };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        var single = Encoding.UTF8.GetBytes(Body);
        await RunAsync(http, server, "warm-up (not reported)", "/api/v1/events", single, 1, clients, TimeSpan.FromSeconds(3), null);
        await RunAsync(http, server, "single POST, 1 client", "/api/v1/events", single, 1, 1, TimeSpan.FromSeconds(seconds), report);
        await RunAsync(http, server, $"single POST, {clients} clients", "/api/v1/events", single, 1, clients, TimeSpan.FromSeconds(seconds), report);
        foreach (var size in new[] { 100, 1000 })
        {
            var batch = Encoding.UTF8.GetBytes("{\"events\":[" + string.Join(',', Enumerable.Repeat(Body, size)) + "]}");
            await RunAsync(http, server, $"batch of {size}, {batchClients} clients", "/api/v1/events/batch", batch, size, batchClients,
                TimeSpan.FromSeconds(seconds), report);
        }
        report.Line($"written:  {report.Save()}");
        return 0;
    }

    private static async Task RunAsync(
        HttpClient http, ServerProcess server, string title, string path, byte[] body, int eventsPerRequest, int clients, TimeSpan duration, ResultFile? report)
    {
        var timings = Enumerable.Range(0, clients).Select(_ => new List<long>(100_000)).ToArray();
        var cpuBefore = server.CpuTime();
        var kernelBefore = server.KernelTime();
        var started = Stopwatch.GetTimestamp();
        var stopAt = started + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        await Task.WhenAll(timings.Select(mine => Task.Run(async () =>
        {
            while (Stopwatch.GetTimestamp() < stopAt)
            {
                var sent = Stopwatch.GetTimestamp();
                using var content = new ByteArrayContent(body);
                content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
                using var response = await http.PostAsync(path, content);
                if ((int)response.StatusCode != 201)
                {
                    throw new InvalidOperationException($"{path} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
                }
                mine.Add(Stopwatch.GetTimestamp() - sent);
            }
        })));
        var elapsed = Stopwatch.GetElapsedTime(started);
        var cpu = server.CpuTime() - cpuBefore;
        var kernel = server.KernelTime() - kernelBefore;
        if (report is null)
        {
            return;
        }
        var latency = new Percentiles(timings.SelectMany(t => t));
        long events = (long)latency.Count * eventsPerRequest;
        report.Line();
        report.Line($"-- {title}, {elapsed.TotalSeconds:F1} s --");
        report.Line($"throughput:  {events / elapsed.TotalSeconds:N0} events/s ({events:N0} events in {latency.Count:N0} requests)");
        report.Line($"request:     {latency.Summary()}");
        report.Line($"server cpu:  {cpu.TotalSeconds / elapsed.TotalSeconds * 100:F0} % of one core ({cpu.TotalMilliseconds * 1000 / Math.Max(1, events):F1} µs per event, " +
                    $"{kernel.TotalSeconds / Math.Max(1e-9, cpu.TotalSeconds) * 100:F0} % of it in the kernel)");
    }
}
