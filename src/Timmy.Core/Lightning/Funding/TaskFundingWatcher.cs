using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Timmy.Core.Events;
using Timmy.Core.Lightning.Ledger;
using Timmy.Core.Refusals;
using Timmy.Core.Swarm;
using Timmy.Core.Swarm.Tasks;

namespace Timmy.Core.Lightning.Funding;

/// <summary>Opens the auction of each task whose funding invoice settled, and cancels a task whose invoice expired or
/// failed unpaid. It sweeps every task waiting for funding at start-up, whenever a payment.* event of a task arrives
/// (or the bus dropped some), and at least every <see cref="SweepEvery"/>, so a missed event (or a crash between the
/// settlement and the auction) only delays an auction, never loses it.</summary>
public sealed class TaskFundingWatcher(IEventBus bus, ITaskStore tasks, ILedgerStore ledger, SwarmCoordinator coordinator, TimeProvider time,
    ILogger<TaskFundingWatcher> logger) : BackgroundService
{
    public static readonly TimeSpan SweepEvery = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        EventTypePattern.TryParse("payment.*", out var payments, out _);
        using var subscription = bus.Subscribe(256, [payments]);
        var sweep = true;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (sweep)
                {
                    await SweepAsync(stoppingToken);
                }
                using var wait = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
                wait.CancelAfter(SweepEvery);
                var item = await subscription.ReadAsync(wait.Token);
                // Only a task's payment can move a funded task on; a gap may have hidden one.
                sweep = item.Gap is not null || item.Event?.TaskId is not null;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (OperationCanceledException)
            {
                sweep = true; // the sweep interval passed
            }
            catch (Exception ex)
            {
                logger.LogWarning(ex, "Sweeping funded tasks failed; trying again in {Interval}", SweepEvery);
                sweep = true;
                await Task.Delay(SweepEvery, time, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    /// <summary>Moves every task waiting for funding on as its invoice says; how many moved.</summary>
    public async Task<int> SweepAsync(CancellationToken cancellationToken = default)
    {
        var moved = 0;
        foreach (var task in (await tasks.ListUnfinishedAsync(cancellationToken)).Where(t => t.AwaitsFunding))
        {
            var invoice = await ledger.GetByHashAsync(task.FundingHash!, cancellationToken);
            try
            {
                switch (invoice?.Status)
                {
                    case LedgerStatus.Settled:
                        await coordinator.OpenFundedAsync(task.Id, cancellationToken);
                        moved++;
                        break;
                    case LedgerStatus.Expired or LedgerStatus.Failed or null:
                        await coordinator.DropUnfundedAsync(task.Id, cancellationToken);
                        moved++;
                        break;
                }
            }
            catch (IllegalTaskTransitionException)
            {
                // Cancelled or opened meanwhile.
            }
            catch (RefusalException ex)
            {
                logger.LogWarning("Funded task {TaskId} could not move on: {Reason}", task.Id, ex.Message);
            }
        }
        return moved;
    }
}
