using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Timmy.Core.Events;
using Timmy.Core.Storage;

namespace Timmy.Tests.Infrastructure;

/// <summary>A migrated SQLite database in a temporary folder, deleted on dispose.</summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly TimeProvider _time;
    private EventLog? _events;

    private TestDatabase(string directory, TimeProvider? time)
    {
        _time = time ?? TimeProvider.System;
        Directory = directory;
        Options = Microsoft.Extensions.Options.Options.Create(new StorageOptions { DataDirectory = directory });
        Connections = new SqliteConnectionFactory(Options);
    }

    public string Directory { get; }
    public IOptions<StorageOptions> Options { get; }
    public SqliteConnectionFactory Connections { get; }

    public static async Task<TestDatabase> CreateAsync(TimeProvider? time = null, bool migrate = true)
    {
        var db = new TestDatabase(System.IO.Directory.CreateTempSubdirectory("timmy-test-").FullName, time);
        if (migrate)
        {
            await db.NewMigrator(time).MigrateAsync();
        }
        return db;
    }

    public Migrator NewMigrator(TimeProvider? time = null) =>
        new(Connections, NullLogger<Migrator>.Instance, time ?? TimeProvider.System);

    /// <summary>The bus <see cref="Events"/> publishes on.</summary>
    public EventBus Bus { get; } = new();

    /// <summary>An event log on this database (on the time given to <see cref="CreateAsync"/>), for stores that
    /// log their changes; made on first use, disposed with the database.</summary>
    public EventLog Events => _events ??= new(new SqliteEventStore(Connections), Bus, _time, NullLogger<EventLog>.Instance);

    /// <summary>Every stored event, oldest first.</summary>
    public Task<IReadOnlyList<EventRecord>> StoredEventsAsync() => new SqliteEventStore(Connections).ReadAfterAsync(0, 100_000);

    public async ValueTask DisposeAsync()
    {
        if (_events is not null)
        {
            await _events.DisposeAsync();
        }
        SqliteConnection.ClearAllPools();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
