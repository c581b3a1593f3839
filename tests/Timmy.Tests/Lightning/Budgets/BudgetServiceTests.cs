using Microsoft.Extensions.Time.Testing;
using Timmy.Core.Events;
using Timmy.Core.Lightning.Budgets;
using Timmy.Core.Lightning.Ledger;
using Timmy.Core.Refusals;
using Timmy.Tests.Infrastructure;
using Timmy.Tests.Lightning.Ledger;

namespace Timmy.Tests.Lightning.Budgets;

/// <summary>Agents' budgets: checked in the transaction that records a payment, so concurrent payments never spend past
/// them; periods renew on the calendar.</summary>
public sealed class BudgetServiceTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 2, 22, 0, 0, TimeSpan.Zero)); // a Wednesday
    private TestDatabase _db = null!;
    private SqliteLedgerStore _ledger = null!;
    private BudgetService _budgets = null!;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync(_time);
        _ledger = new SqliteLedgerStore(_db.Connections, _time);
        _budgets = new BudgetService(_db.Connections, new SqliteBudgetStore(_db.Connections, _time), _ledger, _db.Events, _time);
    }

    public async ValueTask DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task A_HundredConcurrentPayments_NeverSpendPastTheBudget()
    {
        await _budgets.SetAsync("forge", 1_000, BudgetPeriod.Daily, "owner", Ct);

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 100).Select(_ => Task.Run(() => TryPayAsync("forge", 25, maxFee: 5), Ct)));

        var standing = (await _budgets.GetAsync("forge", Ct))!;
        Assert.Equal(33, outcomes.Count(paid => paid)); // 33 × (25 + 5) = 990; a 34th would make 1,020
        Assert.Equal(990, standing.SpentSats);
        Assert.True(standing.SpentSats <= standing.Budget.MaxSats);
        Assert.Equal(10, standing.RemainingSats);
    }

    [Fact]
    public async Task A_DailyBudget_RenewsAtUtcMidnight_ANeverBudget_DoesNot()
    {
        await _budgets.SetAsync("forge", 100, BudgetPeriod.Daily, "owner", Ct);
        await _budgets.SetAsync("quill", 100, BudgetPeriod.Never, "owner", Ct);
        Assert.True(await TryPayAsync("forge", 100, 0));
        Assert.True(await TryPayAsync("quill", 100, 0));
        Assert.False(await TryPayAsync("forge", 1, 0));

        _time.Advance(TimeSpan.FromHours(2)); // past midnight UTC

        Assert.True(await TryPayAsync("forge", 100, 0));
        Assert.False(await TryPayAsync("quill", 1, 0));
    }

    [Fact]
    public async Task The_Refusal_SaysWhatIsLeft_AndWhenItRenews()
    {
        await _budgets.SetAsync("forge", 50, BudgetPeriod.Weekly, "owner", Ct);

        var refused = await Assert.ThrowsAsync<BudgetExceededException>(() => PayAsync("forge", 60, 0));

        Assert.Contains("weekly budget of 50 sats", refused.Message);
        Assert.Contains("50 left", refused.Message);
        Assert.Contains("renews at 2026-12-07 00:00 UTC", refused.Message); // the next Monday
        Assert.Equal(50L, refused.Facts["remaining_sats"]);
    }

    [Fact]
    public async Task An_AgentWithoutABudget_CannotSpend()
    {
        var refused = await Assert.ThrowsAsync<BudgetExceededException>(() => PayAsync("mace", 1, 0));

        Assert.Contains("no spending budget", refused.Message);
    }

    [Fact]
    public async Task Setting_And_Removing_AreLogged_BadValuesAreRefused()
    {
        await _budgets.SetAsync("forge", 10, BudgetPeriod.Monthly, "owner", Ct);
        await _budgets.RemoveAsync("forge", "owner", Ct);

        await Assert.ThrowsAsync<InvalidFieldException>(() => _budgets.SetAsync("forge", -1, BudgetPeriod.Daily, "owner", Ct));
        await Assert.ThrowsAsync<InvalidFieldException>(() => _budgets.SetAsync("forge", 10, "hourly", "owner", Ct));
        await Assert.ThrowsAsync<BudgetNotFoundException>(() => _budgets.RemoveAsync("forge", "owner", Ct));
        var events = (await _db.StoredEventsAsync()).Where(e => e.EventType == EventType.PaymentBudgetChanged).ToList();
        Assert.Equal(2, events.Count);
        Assert.Equal("owner", events[0].Actor);
        Assert.True(events[1].Data.GetProperty("removed").GetBoolean());
        Assert.Empty(await _budgets.ListAsync(Ct));
    }

    private async Task<bool> TryPayAsync(string agentId, long sats, long maxFee)
    {
        try
        {
            await PayAsync(agentId, sats, maxFee);
            return true;
        }
        catch (BudgetExceededException)
        {
            return false;
        }
    }

    /// <summary>What <c>LedgerService.PayAsync</c> does before asking the node: check and record in one transaction.</summary>
    private async Task PayAsync(string agentId, long sats, long maxFee)
    {
        await using var transaction = await _db.Connections.BeginWriteAsync(cancellationToken: Ct);
        await _budgets.EnsureWithinAsync(transaction, agentId, sats + maxFee, Ct);
        await _ledger.InsertAsync(transaction, LedgerEntries.Pending(_time, LedgerDirection.Outgoing, sats, agentId: agentId, maxFee: maxFee), Ct);
        await transaction.CommitAsync(Ct);
    }
}
