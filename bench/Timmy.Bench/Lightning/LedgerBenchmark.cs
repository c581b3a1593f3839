using System.Diagnostics;
using System.Security.Cryptography;
using Dapper;
using Timmy.Bench.Reporting;
using Timmy.Core.Lightning.Budgets;
using Timmy.Core.Lightning.Ledger;
using Timmy.Core.Lightning.Nodes;
using Timmy.Core.Lightning.Nodes.Simulated;
using Timmy.Core.Refusals;
using Timmy.Core.Storage;

namespace Timmy.Bench.Lightning;

/// <summary>
/// The Lightning ledger's figures. Create + settle: <see cref="LedgerService.CreateInvoiceAsync"/> on the simulated node
/// (a signed BOLT11, the node's row, the ledger row and its event) then <see cref="LedgerService.SimulatePaymentAsync"/>
/// (the node settles, the ledger settles with its event), one pair at a time and from concurrent callers; and the same
/// state machine through the store alone (insert pending + settle, each a unit of <see cref="GroupCommit"/>), which is
/// the ledger's own ceiling. Balance: <see cref="SqliteLedgerStore.BalanceAsync"/> at 1,000,000 rows (kept by triggers) against the
/// plain SUM over every row it replaces. Budget: 100 concurrent <see cref="LedgerService.PayAsync"/> calls for one
/// agent against one budget, counted afterwards (overspend must be 0).
/// </summary>
public static class LedgerBenchmark
{
    public static async Task<int> RunAsync(BenchArguments options)
    {
        var pairs = options.Int("pairs", 2_000);
        var callers = options.Int("callers", 64);
        var rows = options.Int("rows", 1_000_000);
        var payers = options.Int("payers", 100);
        var report = new ResultFile("ledger", options);
        report.Header("Lightning ledger: create + settle, balance at scale, a budget under concurrency",
            $"dotnet run -c Release --project bench/Timmy.Bench -- ledger --pairs {pairs} --callers {callers} --rows {rows} --payers {payers}");
        report.Line($"load:     {MachineFacts.LoadAverage()} (1/5/15 min at start), {Environment.ProcessorCount} cores");

        await using (var db = await LedgerBenchDatabase.CreateAsync())
        {
            await CreateAndSettleAsync(report, db, pairs, callers);
            await StoreOnlyAsync(report, db, pairs * 10, callers);
        }
        await using (var db = await LedgerBenchDatabase.CreateAsync())
        {
            await BalanceAsync(report, db, rows);
        }
        await using (var db = await LedgerBenchDatabase.CreateAsync())
        {
            await BudgetAsync(report, db, payers);
        }
        report.Line();
        report.Line($"load:     {MachineFacts.LoadAverage()} (1/5/15 min at the end)");
        report.Line("targets:  create + settle >= 10,000/s; balance at 1,000,000 rows < 5 ms; overspend 0");
        report.Line($"written:  {report.Save()}");
        return 0;
    }

    private static async Task CreateAndSettleAsync(ResultFile report, LedgerBenchDatabase db, int pairs, int callers)
    {
        async Task PairAsync(int i, CancellationToken ct)
        {
            var entry = await db.Ledger.CreateInvoiceAsync(new NewInvoice(1 + i % 5_000, "bench"), ct);
            await db.Ledger.SimulatePaymentAsync(entry.Id, ct);
        }
        for (var i = 0; i < 50; i++)
        {
            await PairAsync(i, CancellationToken.None);
        }
        var started = Stopwatch.GetTimestamp();
        for (var i = 0; i < pairs / 4; i++)
        {
            await PairAsync(i, CancellationToken.None);
        }
        var single = pairs / 4 / Stopwatch.GetElapsedTime(started).TotalSeconds;
        started = Stopwatch.GetTimestamp();
        await Parallel.ForEachAsync(Enumerable.Range(0, pairs), new ParallelOptions { MaxDegreeOfParallelism = callers }, async (i, ct) => await PairAsync(i, ct));
        var concurrent = pairs / Stopwatch.GetElapsedTime(started).TotalSeconds;
        report.Line();
        report.Line("-- create + settle with the simulated node (LedgerService: sign a BOLT11, 4 units of write work through group commit, 2 events per pair) --");
        report.Line($"one at a time:          {single,8:F0} pairs/s ({pairs / 4:N0} pairs)");
        report.Line($"{callers} concurrent callers: {concurrent,8:F0} pairs/s ({pairs:N0} pairs)");
        report.Line($"of which signing alone (Bolt11Codec.Sign, one core): {SigningRate():F0} invoices/s");
    }

    private static double SigningRate()
    {
        var key = new NBitcoin.Key();
        var template = new Timmy.Core.Lightning.Bolt11.Bolt11Invoice
        {
            Network = "bcrt", AmountMsat = 1_000, Timestamp = DateTimeOffset.UtcNow, PaymentHash = Secret().Hash, Description = "bench",
        };
        const int count = 2_000;
        var started = Stopwatch.GetTimestamp();
        for (var i = 0; i < count; i++)
        {
            Timmy.Core.Lightning.Bolt11.Bolt11Codec.Sign(template, key);
        }
        return count / Stopwatch.GetElapsedTime(started).TotalSeconds;
    }

    private static async Task StoreOnlyAsync(ResultFile report, LedgerBenchDatabase db, int pairs, int callers)
    {
        async Task PairAsync(CancellationToken ct)
        {
            var (preimage, hash) = Secret();
            var now = DateTimeOffset.UtcNow;
            var group = GroupCommit.For(db.Connections);
            var entry = await group.RunAsync(transaction => db.Store.InsertAsync(transaction, new LedgerEntry(SortableIds.New(TimeProvider.System),
                LedgerDirection.Incoming, LedgerStatus.Pending, hash, 100, 100_000, LedgerSources.Owner, now, now)), ct);
            await group.RunAsync(transaction => db.Store.MoveAsync(transaction, new LedgerChange(entry.Id, LedgerStatus.Settled) { Preimage = preimage }), ct);
        }
        var started = Stopwatch.GetTimestamp();
        await Parallel.ForEachAsync(Enumerable.Range(0, pairs), new ParallelOptions { MaxDegreeOfParallelism = callers }, async (_, ct) => await PairAsync(ct));
        var concurrent = pairs / Stopwatch.GetElapsedTime(started).TotalSeconds;
        report.Line($"the ledger store alone (insert pending + settle through group commit, no node, no event), {callers} callers: {concurrent,8:F0} pairs/s ({pairs:N0} pairs)");
    }

    private static async Task BalanceAsync(ResultFile report, LedgerBenchDatabase db, int rows)
    {
        var started = Stopwatch.GetTimestamp();
        var random = new Random(5);
        const int batch = 10_000;
        for (var written = 0; written < rows; written += batch)
        {
            await using var transaction = await db.Connections.BeginWriteAsync();
            var day = DateTimeOffset.UtcNow.AddDays(-random.Next(0, 365));
            var stamp = Timestamps.Format(day);
            var items = Enumerable.Range(written, Math.Min(batch, rows - written)).Select(i =>
            {
                var settled = i % 3 != 0;
                return new
                {
                    id = $"bench-{i:D9}", tx = i % 2 == 0 ? "incoming" : "outgoing", status = settled ? "settled" : i % 9 == 0 ? "failed" : "pending",
                    hash = Convert.ToHexStringLower(SHA256.HashData(BitConverter.GetBytes(i))), sats = (long)random.Next(1, 100_000),
                    fee = i % 2 == 1 && settled ? (long)random.Next(0, 50) : 0L, at = stamp, settledAt = settled ? stamp : null,
                };
            }).ToList();
            await transaction.Connection.ExecuteAsync("""
                INSERT INTO ledger (id, tx_type, status, payment_hash, amount_sats, amount_msat, source, created_at, settled_at, fee_sats, updated_at)
                VALUES (@id, @tx, @status, @hash, @sats, @sats * 1000, 'owner', @at, @settledAt, @fee, @at)
                """, items, transaction.Transaction);
            await transaction.CommitAsync();
        }
        var fill = Stopwatch.GetElapsedTime(started).TotalSeconds;
        report.Line();
        report.Line($"-- balance at {rows:N0} rows (filled in {fill:F0} s through the insert triggers) --");
        await TimeAsync(report, "BalanceAsync (running totals)", 200, () => db.Store.BalanceAsync());
        await using var connection = await db.Connections.OpenAsync();
        await TimeAsync(report, "the same sums over every row (no totals)", 10, () => connection.QuerySingleAsync<(long, long, long, long, long)>("""
            SELECT COALESCE(SUM(CASE WHEN tx_type='incoming' AND status='settled' THEN amount_sats END),0),
                   COALESCE(SUM(CASE WHEN tx_type='outgoing' AND status='settled' THEN amount_sats END),0),
                   COALESCE(SUM(CASE WHEN tx_type='outgoing' AND status='settled' THEN fee_sats END),0),
                   COALESCE(SUM(CASE WHEN tx_type='incoming' AND status='pending' THEN amount_sats END),0),
                   COALESCE(SUM(CASE WHEN tx_type='outgoing' AND status='pending' THEN amount_sats END),0)
            FROM ledger
            """));
        var balance = await db.Store.BalanceAsync();
        var scan = await connection.QuerySingleAsync<long>("SELECT COALESCE(SUM(amount_sats),0) FROM ledger WHERE tx_type='incoming' AND status='settled'");
        report.Line($"check: totals incoming {balance.IncomingTotal:N0} = scan {scan:N0}: {(balance.IncomingTotal == scan ? "equal" : "DIFFERENT")}");
        await TimeAsync(report, "DailyAsync, 30 days", 100, () => db.Store.DailyAsync(DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-29)), DateOnly.FromDateTime(DateTime.UtcNow)));
    }

    private static async Task BudgetAsync(ResultFile report, LedgerBenchDatabase db, int payers)
    {
        const long budget = 5_000, price = 100, maxFee = 10;
        await db.Budgets.SetAsync("forge", budget, BudgetPeriod.Daily, "bench");
        var outside = new SimulatedLightningNode("outside-wallet", db.Connections, TimeProvider.System, 0);
        var invoices = new List<string>();
        for (var i = 0; i < payers; i++)
        {
            invoices.Add((await outside.CreateInvoiceAsync(new CreateInvoiceRequest(price * 1000, $"part {i}", TimeSpan.FromHours(1)))).Bolt11);
        }
        var refused = 0;
        var started = Stopwatch.GetTimestamp();
        var results = await Task.WhenAll(invoices.Select(invoice => Task.Run(async () =>
        {
            try
            {
                return await db.Ledger.PayAsync(new PaymentOrder(invoice) { AgentId = "forge", Source = LedgerSources.Agent, MaxFeeSats = maxFee });
            }
            catch (RefusalException)
            {
                Interlocked.Increment(ref refused);
                return null;
            }
        })));
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        var paid = results.Where(e => e?.Status == LedgerStatus.Settled).ToList();
        var spent = paid.Sum(e => e!.AmountSats + e.FeeSats);
        var committed = await db.Store.SpentByAgentAsync("forge", null);
        report.Line();
        report.Line($"-- {payers} concurrent payers, one agent, budget {budget:N0} sats/day, {price} sats + most fee {maxFee} each --");
        report.Line($"paid {paid.Count}, refused over budget {refused}, in {seconds:F2} s; spent {spent:N0} sats (fees included), "
            + $"counted against the budget {committed:N0}; overspend {Math.Max(0, committed - budget):N0} sats");
    }

    private static async Task TimeAsync<T>(ResultFile report, string name, int runs, Func<Task<T>> run)
    {
        await run();
        var ticks = new List<long>(runs);
        for (var i = 0; i < runs; i++)
        {
            var started = Stopwatch.GetTimestamp();
            await run();
            ticks.Add(Stopwatch.GetTimestamp() - started);
        }
        var p = new Percentiles(ticks);
        report.Line($"{name,-44} p50 {p.Ms(50),8:F3}  p99 {p.Ms(99),8:F3}  max {p.MaxMs,8:F3} ms  ({runs} runs)");
    }

    private static (string Preimage, string Hash) Secret()
    {
        var preimage = RandomNumberGenerator.GetBytes(32);
        return (Convert.ToHexStringLower(preimage), Convert.ToHexStringLower(SHA256.HashData(preimage)));
    }
}
