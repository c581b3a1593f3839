using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Timmy.Core.Events;
using Timmy.Core.Memory;
using Timmy.Core.Storage;

namespace Timmy.Bench.Memory;

/// <summary>A migrated SQLite database in a temporary folder with its event log, deleted on dispose; <see cref="Open"/>
/// wires the memory on it by hand as the host does (a new index each time, as after a restart).</summary>
public sealed class MemoryBenchDatabase : IAsyncDisposable
{
    private readonly string _directory;

    private MemoryBenchDatabase(string directory)
    {
        _directory = directory;
        Connections = new SqliteConnectionFactory(Options.Create(new StorageOptions { DataDirectory = directory }));
        Events = new EventLog(new SqliteEventStore(Connections), new EventBus(), TimeProvider.System, NullLogger<EventLog>.Instance);
    }

    public SqliteConnectionFactory Connections { get; }

    public EventLog Events { get; }

    public long FileBytes => new DirectoryInfo(_directory).EnumerateFiles().Sum(f => f.Length);

    public static async Task<MemoryBenchDatabase> CreateAsync()
    {
        var db = new MemoryBenchDatabase(Directory.CreateTempSubdirectory("timmy-bench-memory-").FullName);
        await new Migrator(db.Connections, NullLogger<Migrator>.Instance, TimeProvider.System).MigrateAsync();
        return db;
    }

    /// <summary>The memory on this database with <paramref name="embedder"/> and an empty index for it (not loaded).</summary>
    public MemoryStack Open(ITextEmbedder embedder)
    {
        var index = new MemoryVectorIndex();
        index.Reset(embedder.Info.Id, embedder.Info.Dimensions);
        var state = new MemoryIndexState();
        var options = Options.Create(new MemoryOptions());
        var store = new SqliteMemoryStore(Connections, Events, index, TimeProvider.System);
        var search = new MemorySearch(store, index, state, embedder, options);
        var service = new MemoryService(store, search, new MemoryContextBuilder(search, options), embedder, index, state, options,
            TimeProvider.System, NullLogger<MemoryService>.Instance);
        return new MemoryStack(index, state, store, search, service);
    }

    public async ValueTask DisposeAsync()
    {
        await Events.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }
}

/// <summary>One wiring of the memory: what the host's container would hold.</summary>
public sealed record MemoryStack(MemoryVectorIndex Index, MemoryIndexState State, SqliteMemoryStore Store, MemorySearch Search, MemoryService Service);
