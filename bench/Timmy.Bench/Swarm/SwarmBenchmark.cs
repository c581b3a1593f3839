using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Timmy.Bench.Reporting;
using Timmy.Bench.Router;
using Timmy.Core.Events;
using Timmy.Core.Swarm;
using Timmy.Core.Swarm.Tasks;

namespace Timmy.Bench.Swarm;

/// <summary>The swarm end to end, in process: tasks posted through <see cref="SwarmCoordinator.PostAsync"/> go to a zero
/// auction among all nine personas and Timmy, and the winner carries each out through the cascade router against a
/// loopback Ollama fake that answers at once. Figures: tasks per second from post to completed with many posters;
/// post → assigned latency under that load and from one poster; then 100 remote agents heartbeating. Every phase
/// counts the write transactions it made and breaks a task's time down by stage.</summary>
public static class SwarmBenchmark
{
    private const int WarmUpTasks = 300;

    /// <summary>Descriptions that six specialists and Timmy win in turn (the tool-needing specialists still bid off
    /// their speciality: a task for Pixel, Lyra or Reel would only add their declines).</summary>
    private static readonly string[] Descriptions =
    [
        "Research and summarize the background of the new storage engine",
        "Audit the firewall rules for vulnerabilities",
        "Deploy the server with docker and a backup cron job",
        "Analyze the dataset and chart the weekly trends",
        "Debug the failing unit tests in the parser",
        "Proofread the draft of the blog post",
        "Plan next week's errands",
    ];

    public static async Task<int> RunAsync(BenchArguments options)
    {
        var tasks = options.Int("tasks", 2000);
        var posters = options.Int("posters", 16);
        var latencyTasks = options.Int("latency-tasks", 1000);
        var remotes = options.Int("remote-agents", 100);
        var seconds = options.Int("seconds", 10);
        var maxPerAgent = options.Int("max-per-agent", 1000);

        var result = new ResultFile("swarm", options);
        result.Header("Swarm end to end: post -> zero auction -> persona execution -> completed, and remote heartbeats",
            $"dotnet run -c Release --project bench/Timmy.Bench -- swarm --tasks {tasks} --posters {posters} --latency-tasks {latencyTasks} " +
            $"--remote-agents {remotes} --seconds {seconds}");
        result.Line("setup:    in-process host with the server's storage, events, router and swarm services on a fresh SQLite file " +
                    "(WAL, synchronous=FULL); Timmy + all 9 personas online, Timmy:Swarm:AuctionSeconds=0, " +
                    $"MaxConcurrentTasksPerAgent={maxPerAgent}; one Ollama provider: a loopback fake in this process answering at once");
        result.Line($"tasks:    {Descriptions.Length} descriptions in turn (won by echo, mace, helm, seer, forge, quill, timmy); " +
                    $"{WarmUpTasks} warm-up tasks first");

        await using var ollama = await BenchOllamaServer.StartAsync();
        await using var host = await SwarmBenchHost.StartAsync(ollama.BaseUrl, maxPerAgent);
        var coordinator = host.Services.GetRequiredService<SwarmCoordinator>();
        var bus = host.Services.GetRequiredService<IEventBus>();
        var store = host.Services.GetRequiredService<ITaskStore>();

        await RunTasksAsync(coordinator, bus, host, WarmUpTasks, Math.Min(posters, 8), report: null);
        result.Line();
        result.Line($"-- throughput: {tasks:N0} tasks, {posters} concurrent posters --");
        await RunTasksAsync(coordinator, bus, host, tasks, posters, result);
        result.Line();
        result.Line($"-- latency: {latencyTasks:N0} tasks, 1 poster (each post awaited; earlier tasks execute meanwhile) --");
        await RunTasksAsync(coordinator, bus, host, latencyTasks, 1, result);

        var counts = await store.CountByStatusAsync();
        result.Line();
        result.Line("tasks in the database: " + string.Join(", ", counts.Where(c => c.Value > 0).Select(c => $"{c.Key} {c.Value:N0}")));

        result.Line();
        result.Line($"-- heartbeats: {remotes} remote agents, each heartbeating in a loop for {seconds} s (in process, AgentRoster.HeartbeatAsync) --");
        await HeartbeatLoad.RunAsync(host, remotes, TimeSpan.FromSeconds(seconds), result);
        result.Line("(no HTTP heartbeat endpoint on this build: measured in process only)");
        Console.WriteLine("written to " + result.Save());
        return 0;
    }

    private static async Task RunTasksAsync(SwarmCoordinator coordinator, IEventBus bus, SwarmBenchHost host, int count, int posters, ResultFile? report)
    {
        await using var timeline = new TaskTimeline(bus, capacity: count * 8 + 1024);
        host.Writes.Reset();
        var postFailures = 0;
        var next = -1;
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var started = Stopwatch.GetTimestamp();
        var ids = await Task.WhenAll(Enumerable.Range(0, posters).Select(_ => Task.Run(async () =>
        {
            var mine = new List<string>();
            for (var i = Interlocked.Increment(ref next); i < count; i = Interlocked.Increment(ref next))
            {
                var posted = Stopwatch.GetTimestamp();
                try
                {
                    var task = await coordinator.PostAsync(new TaskPost(Descriptions[i % Descriptions.Length]), "bench", "bench");
                    var stamps = timeline.For(task.Id);
                    stamps.Posted = posted;
                    stamps.PostReturned = Stopwatch.GetTimestamp();
                    mine.Add(task.Id);
                }
                catch (Exception ex)
                {
                    Interlocked.Increment(ref postFailures);
                    Console.Error.WriteLine($"post failed: {ex.GetType().Name}: {ex.Message}");
                }
            }
            return mine;
        })));
        var postsDone = Stopwatch.GetElapsedTime(started);
        var posted = ids.Sum(i => i.Count);
        var allFinished = await timeline.WaitForFinishedAsync(posted, TimeSpan.FromMinutes(5));
        var elapsed = Stopwatch.GetElapsedTime(started);
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
        if (report is null)
        {
            return;
        }

        var stamps = ids.SelectMany(i => i).Select(timeline.For).ToList();
        report.Line($"end to end:      {posted / elapsed.TotalSeconds:N0} tasks/s posted -> completed ({posted:N0} tasks in {elapsed.TotalSeconds:F2} s; " +
                    $"all posted after {postsDone.TotalSeconds:F2} s){(allFinished ? "" : $"; only {timeline.Finished:N0} finished within 5 min")}");
        report.Line($"failures:        {timeline.Failed} failed, {postFailures} posts refused; events dropped by the listener: {timeline.Dropped}");
        report.Line($"post -> assigned {Between(stamps, s => s.Posted, s => s.Assigned).Summary()}  (task.assigned heard on the event bus; target p99 < 20 ms)");
        report.Line($"PostAsync call   {Between(stamps, s => s.Posted, s => s.PostReturned).Summary()}  (returns after the zero auction closed)");
        report.Line($"post -> completed {Between(stamps, s => s.Posted, s => s.Finished).Summary()}");
        report.Line("stages (heard on the bus):");
        report.Line($"  post -> task stored, bidding   {Between(stamps, s => s.Posted, s => s.Bidding).Summary()}");
        report.Line($"  bidding -> assigned            {Between(stamps, s => s.Bidding, s => s.Assigned).Summary()}  (bids stored, auction closed)");
        report.Line($"  assigned -> started            {Between(stamps, s => s.Assigned, s => s.Started).Summary()}  (agent busy, learner, running stored)");
        report.Line($"  started -> completed           {Between(stamps, s => s.Started, s => s.Finished).Summary()}  (LLM call to the fake, result stored)");
        var writes = host.Writes;
        report.Line($"write transactions: {writes.Commits:N0} = {writes.Commits / (double)posted:F1} per task; lock held {writes.HoldMs / elapsed.TotalMilliseconds:P0} " +
                    $"of the run, {writes.HoldMs / Math.Max(1, writes.Commits):F3} ms per transaction on average; " +
                    $"callers waited {writes.WaitMs / Math.Max(1, writes.Commits):F2} ms on average for the lock");
        report.Line($"cpu:             {cpu.TotalSeconds / elapsed.TotalSeconds:F2} of {Environment.ProcessorCount} cores busy in this process (fake LLM included), " +
                    $"{cpu.TotalMilliseconds / posted:F1} ms of CPU per task; machine load average {LoadAverage()}");
        report.Line("write transactions by caller (commits per task, share of lock-held time):");
        foreach (var (method, commits, holdMs) in writes.ByCaller)
        {
            report.Line($"  {method,-44} {commits / (double)posted,5:F2}  {holdMs / Math.Max(1e-9, writes.HoldMs),4:P0}");
        }
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    private static Percentiles Between(IEnumerable<TaskTimeline.Stamps> stamps, Func<TaskTimeline.Stamps, long> from, Func<TaskTimeline.Stamps, long> to) =>
        new(stamps.Where(s => from(s) != 0 && to(s) != 0).Select(s => to(s) - from(s)));
}
