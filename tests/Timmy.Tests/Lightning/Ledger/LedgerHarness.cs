using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Timmy.Core.Lightning;
using Timmy.Core.Lightning.Budgets;
using Timmy.Core.Lightning.Ledger;
using Timmy.Core.Lightning.Nodes.Simulated;
using Timmy.Tests.Infrastructure;

namespace Timmy.Tests.Lightning.Ledger;

/// <summary>The ledger wired by hand on a test database, as the host wires it: the server's simulated node, an outside
/// simulated wallet on the same database (whose invoices the server pays), the service and the reconciler.</summary>
public sealed class LedgerHarness : IAsyncDisposable
{
    private LedgerHarness(TestDatabase db, TimeProvider time)
    {
        Db = db;
        Store = new SqliteLedgerStore(db.Connections, time);
        Node = new SimulatedLightningNode(SimulatedLightningNode.LocalName, db.Connections, time, 1_000_000);
        Outside = new SimulatedLightningNode("outside-wallet", db.Connections, time, 1_000_000);
        Budgets = new BudgetService(db.Connections, new SqliteBudgetStore(db.Connections, time), Store, db.Events, time);
        var options = Options.Create(new LightningOptions());
        Ledger = new LedgerService(db.Connections, Store, Node, Budgets, db.Events, options, time, NullLogger<LedgerService>.Instance);
        Reconciler = new LedgerReconciler(Ledger, Node, db.Events, options, time, NullLogger<LedgerReconciler>.Instance);
    }

    public TestDatabase Db { get; }
    public SqliteLedgerStore Store { get; }
    public SimulatedLightningNode Node { get; }
    public SimulatedLightningNode Outside { get; }
    public BudgetService Budgets { get; }
    public LedgerService Ledger { get; }
    public LedgerReconciler Reconciler { get; }

    public static async Task<LedgerHarness> CreateAsync(TimeProvider time) => new(await TestDatabase.CreateAsync(time), time);

    public ValueTask DisposeAsync() => Db.DisposeAsync();
}
