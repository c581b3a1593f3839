using Microsoft.Extensions.Time.Testing;
using Timmy.Tests.Infrastructure;

namespace Timmy.Tests.Hosting;

public sealed class PeriodicBackgroundServiceTests
{
    private readonly FakeTimeProvider _time = new();
    private readonly LogCollector _logs = new();

    [Fact]
    public async Task Start_RunsAtOnceThenOnEveryTick()
    {
        using var service = new ScriptedPeriodicService(_time, _logs.CreateLogger("periodic"));

        await service.StartAsync(TestContext.Current.CancellationToken);
        await RunsAsync(service, 1);
        _time.Advance(ScriptedPeriodicService.Interval - TimeSpan.FromSeconds(1));
        Assert.Equal(1, service.Runs);
        _time.Advance(TimeSpan.FromSeconds(1));
        await RunsAsync(service, 2);
        _time.Advance(ScriptedPeriodicService.Interval);
        await RunsAsync(service, 3);

        await service.StopAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task FailedRun_IsLoggedAndTheLoopRunsAgainAtTheNextTick()
    {
        using var service = new ScriptedPeriodicService(_time, _logs.CreateLogger("periodic"));
        service.FailOn.Add(1);

        await service.StartAsync(TestContext.Current.CancellationToken);
        await RunsAsync(service, 1);
        _time.Advance(ScriptedPeriodicService.Interval);
        await RunsAsync(service, 2);

        Assert.Contains("Warning periodic: Scripted job failed; will run again in 00:01:00", _logs.Lines);
        await service.StopAsync(TestContext.Current.CancellationToken);
        Assert.True(service.ExecuteTask!.IsCompletedSuccessfully);
    }

    [Fact]
    public async Task Stop_EndsTheLoop()
    {
        using var service = new ScriptedPeriodicService(_time, _logs.CreateLogger("periodic"));
        await service.StartAsync(TestContext.Current.CancellationToken);
        await RunsAsync(service, 1);

        await service.StopAsync(TestContext.Current.CancellationToken);
        _time.Advance(ScriptedPeriodicService.Interval * 3);

        Assert.True(service.ExecuteTask!.IsCompletedSuccessfully);
        Assert.Equal(1, service.Runs);
    }

    private static Task RunsAsync(ScriptedPeriodicService service, int runs) =>
        Eventually.TrueAsync(() => Task.FromResult(service.Runs == runs), $"{runs} run(s), saw {service.Runs}");
}
