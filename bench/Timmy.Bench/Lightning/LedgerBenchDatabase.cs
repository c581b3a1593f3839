using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Timmy.Core.Events;
using Timmy.Core.Lightning;
using Timmy.Core.Lightning.Budgets;
using Timmy.Core.Lightning.Ledger;
using Timmy.Core.Lightning.Nodes.Simulated;
using Timmy.Core.Storage;

namespace Timmy.Bench.Lightning;

/// <summary>A migrated SQLite database in a temporary folder with the ledger wired on it by hand as the host does: the
/// simulated node, the store, budgets and <see cref="LedgerService"/>; deleted on dispose.</summary>
public sealed class LedgerBenchDatabase : IAsyncDisposable
{
    private readonly string _directory;

    private LedgerBenchDatabase(string directory, long startingBalanceSats)
    {
        _directory = directory;
        Connections = new SqliteConnectionFactory(Options.Create(new StorageOptions { DataDirectory = directory }));
        Events = new EventLog(new SqliteEventStore(Connections), new EventBus(), TimeProvider.System, NullLogger<EventLog>.Instance);
        Store = new SqliteLedgerStore(Connections, TimeProvider.System);
        Node = new SimulatedLightningNode(SimulatedLightningNode.LocalName, Connections, TimeProvider.System, startingBalanceSats);
        Budgets = new BudgetService(Connections, new SqliteBudgetStore(Connections, TimeProvider.System), Store, Events, TimeProvider.System);
        Ledger = new LedgerService(Connections, Store, Node, Budgets, Events, Options.Create(new LightningOptions()), TimeProvider.System,
            NullLogger<LedgerService>.Instance);
    }

    public SqliteConnectionFactory Connections { get; }
    public EventLog Events { get; }
    public SqliteLedgerStore Store { get; }
    public SimulatedLightningNode Node { get; }
    public BudgetService Budgets { get; }
    public LedgerService Ledger { get; }

    public static async Task<LedgerBenchDatabase> CreateAsync(long startingBalanceSats = 1_000_000_000)
    {
        var db = new LedgerBenchDatabase(Directory.CreateTempSubdirectory("timmy-bench-ledger-").FullName, startingBalanceSats);
        await new Migrator(db.Connections, NullLogger<Migrator>.Instance, TimeProvider.System).MigrateAsync();
        return db;
    }

    public async ValueTask DisposeAsync()
    {
        await Events.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
