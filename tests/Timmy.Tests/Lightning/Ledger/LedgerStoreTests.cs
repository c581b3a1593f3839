using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;
using Timmy.Core.Lightning.Ledger;
using Timmy.Tests.Infrastructure;

namespace Timmy.Tests.Lightning.Ledger;

/// <summary>The ledger table's state machine in code and in SQL, its running totals, and its lists.</summary>
public sealed class LedgerStoreTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));
    private TestDatabase _db = null!;
    private SqliteLedgerStore _store = null!;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync(_time);
        _store = new SqliteLedgerStore(_db.Connections, _time);
    }

    public async ValueTask DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task Settle_KeepsPreimageAndFee_AndSettlingAgainChangesNothing()
    {
        var (preimage, hash) = LedgerEntries.NewSecret();
        var entry = await InsertAsync(LedgerEntries.Pending(_time, LedgerDirection.Outgoing, 500, hash, maxFee: 5));

        var first = await MoveAsync(new LedgerChange(entry.Id, LedgerStatus.Settled) { Preimage = preimage, FeeSats = 3 });
        _time.Advance(TimeSpan.FromMinutes(1));
        var second = await MoveAsync(new LedgerChange(entry.Id, LedgerStatus.Settled) { Preimage = null, FeeSats = 0 });

        Assert.True(first.Moved);
        Assert.False(second.Moved);
        Assert.Equal(preimage, second.Entry.Preimage);
        Assert.Equal(3, second.Entry.FeeSats);
        Assert.Equal(first.Entry.SettledAt, second.Entry.SettledAt);
    }

    [Theory]
    [InlineData(LedgerStatus.Failed, LedgerStatus.Settled)]
    [InlineData(LedgerStatus.Expired, LedgerStatus.Settled)]
    [InlineData(LedgerStatus.Settled, LedgerStatus.Failed)]
    [InlineData(LedgerStatus.Settled, LedgerStatus.Expired)]
    public async Task A_FinalEntry_NeverMoves(string final, string then)
    {
        var (preimage, hash) = LedgerEntries.NewSecret();
        var entry = await InsertAsync(LedgerEntries.Pending(_time, LedgerDirection.Incoming, 100, hash));
        await MoveAsync(new LedgerChange(entry.Id, final) { Preimage = final == LedgerStatus.Settled ? preimage : null });

        var refused = await Assert.ThrowsAsync<IllegalLedgerTransitionException>(() => MoveAsync(new LedgerChange(entry.Id, then)));

        Assert.Contains($"is {final}", refused.Message);
        Assert.Equal(final, (await _store.GetAsync(entry.Id, Ct))!.Status);
    }

    [Fact]
    public async Task The_Triggers_RefuseWhatTheCodeRefuses_EvenInRawSql()
    {
        var (preimage, hash) = LedgerEntries.NewSecret();
        var entry = await InsertAsync(LedgerEntries.Pending(_time, LedgerDirection.Incoming, 100, hash));
        await MoveAsync(new LedgerChange(entry.Id, LedgerStatus.Settled) { Preimage = preimage });
        await using var connection = await _db.Connections.OpenAsync(Ct);

        var reopen = await Assert.ThrowsAsync<SqliteException>(() => connection.ExecuteAsync("UPDATE ledger SET status = 'pending' WHERE id = @Id", new { entry.Id }));
        var wipe = await Assert.ThrowsAsync<SqliteException>(() => connection.ExecuteAsync("UPDATE ledger SET preimage = NULL WHERE id = @Id", new { entry.Id }));
        var fee = await Assert.ThrowsAsync<SqliteException>(() => connection.ExecuteAsync("UPDATE ledger SET fee_sats = 99 WHERE id = @Id", new { entry.Id }));

        Assert.Contains("ledger entry is final", reopen.Message);
        Assert.Contains("ledger proof is permanent", wipe.Message);
        Assert.Contains("ledger proof is permanent", fee.Message);
        Assert.Equal(preimage, (await _store.GetAsync(entry.Id, Ct))!.Preimage);
    }

    [Fact]
    public async Task A_PaymentHash_IsRecordedOnce()
    {
        var entry = await InsertAsync(LedgerEntries.Pending(_time, LedgerDirection.Outgoing, 100));

        var refused = await Assert.ThrowsAsync<DuplicatePaymentHashException>(() =>
            InsertAsync(LedgerEntries.Pending(_time, LedgerDirection.Outgoing, 100, entry.PaymentHash)));

        Assert.Contains(entry.Id, refused.Message);
    }

    [Fact]
    public async Task Balance_FollowsTheSpec_AndEqualsTheSumsOverEveryRow()
    {
        var random = new Random(7);
        for (var i = 0; i < 300; i++)
        {
            var direction = random.Next(2) == 0 ? LedgerDirection.Incoming : LedgerDirection.Outgoing;
            var (preimage, hash) = LedgerEntries.NewSecret();
            var entry = await InsertAsync(LedgerEntries.Pending(_time, direction, random.Next(1, 50_000), hash, maxFee: 20));
            var outcome = random.Next(4);
            if (outcome == 1)
            {
                await MoveAsync(new LedgerChange(entry.Id, LedgerStatus.Settled) { Preimage = preimage, FeeSats = direction == LedgerDirection.Outgoing ? random.Next(0, 20) : 0 });
            }
            else if (outcome == 2)
            {
                await MoveAsync(new LedgerChange(entry.Id, LedgerStatus.Failed) { FailureReason = "no route" });
            }
            else if (outcome == 3)
            {
                await MoveAsync(new LedgerChange(entry.Id, LedgerStatus.Expired));
            }
            _time.Advance(TimeSpan.FromMinutes(37));
        }

        var balance = await _store.BalanceAsync(Ct);

        await using var connection = await _db.Connections.OpenAsync(Ct);
        long Sum(string sql) => connection.ExecuteScalar<long>(sql);
        Assert.Equal(Sum("SELECT COALESCE(SUM(amount_sats),0) FROM ledger WHERE tx_type='incoming' AND status='settled'"), balance.IncomingTotal);
        Assert.Equal(Sum("SELECT COALESCE(SUM(amount_sats),0) FROM ledger WHERE tx_type='outgoing' AND status='settled'"), balance.OutgoingTotal);
        Assert.Equal(Sum("SELECT COALESCE(SUM(fee_sats),0) FROM ledger WHERE tx_type='outgoing' AND status='settled'"), balance.FeesPaid);
        Assert.Equal(Sum("SELECT COALESCE(SUM(amount_sats),0) FROM ledger WHERE tx_type='incoming' AND status='pending'"), balance.PendingIncoming);
        Assert.Equal(Sum("SELECT COALESCE(SUM(amount_sats),0) FROM ledger WHERE tx_type='outgoing' AND status='pending'"), balance.PendingOutgoing);
        Assert.Equal(balance.IncomingTotal - balance.OutgoingTotal - balance.FeesPaid, balance.Net);
        Assert.Equal(balance.Net - balance.PendingOutgoing, balance.Available);
        Assert.True(balance.IncomingTotal > 0 && balance.OutgoingTotal > 0 && balance.FeesPaid > 0 && balance.PendingIncoming > 0);

        var start = DateOnly.FromDateTime(new DateTime(2026, 12, 1));
        var days = await _store.DailyAsync(start, start.AddDays(8), Ct);
        Assert.Equal(balance.IncomingTotal, days.Sum(d => d.IncomingSats));
        Assert.Equal(balance.FeesPaid, days.Sum(d => d.FeesSats));
        Assert.Equal(300, days.Sum(d => d.Settled + d.Failed + d.Expired + d.Pending));
    }

    [Fact]
    public async Task List_Filters_AndPagesNewestFirst_ExportReadsEverythingOldestFirst()
    {
        var ids = new List<string>();
        for (var i = 0; i < 7; i++)
        {
            ids.Add((await InsertAsync(LedgerEntries.Pending(_time, i % 2 == 0 ? LedgerDirection.Incoming : LedgerDirection.Outgoing, 10 + i,
                agentId: i == 3 ? "forge" : null))).Id);
            _time.Advance(TimeSpan.FromSeconds(1));
        }

        var first = await _store.ListAsync(new LedgerFilter { Limit = 3 }, Ct);
        var second = await _store.ListAsync(new LedgerFilter { Limit = 3, Before = first.Next }, Ct);
        var incoming = await _store.ListAsync(new LedgerFilter { Direction = LedgerDirection.Incoming }, Ct);
        var forge = await _store.ListAsync(new LedgerFilter { AgentId = "forge" }, Ct);
        var exported = await _store.ExportAsync(new LedgerFilter(), Ct).ToListAsync(Ct);

        Assert.Equal(ids[^3..].AsEnumerable().Reverse(), first.Entries.Select(e => e.Id));
        Assert.Equal(ids[1..4].AsEnumerable().Reverse(), second.Entries.Select(e => e.Id));
        Assert.Equal(4, incoming.Entries.Count);
        Assert.All(incoming.Entries, e => Assert.Equal(LedgerDirection.Incoming, e.Direction));
        Assert.Equal(ids[3], Assert.Single(forge.Entries).Id);
        Assert.Equal(ids, exported.Select(e => e.Id));
    }

    private async Task<LedgerEntry> InsertAsync(LedgerEntry entry)
    {
        await using var transaction = await _db.Connections.BeginWriteAsync(cancellationToken: Ct);
        var stored = await _store.InsertAsync(transaction, entry, Ct);
        await transaction.CommitAsync(Ct);
        return stored;
    }

    private async Task<LedgerMove> MoveAsync(LedgerChange change)
    {
        await using var transaction = await _db.Connections.BeginWriteAsync(cancellationToken: Ct);
        var move = await _store.MoveAsync(transaction, change, Ct);
        await transaction.CommitAsync(Ct);
        return move;
    }
}
