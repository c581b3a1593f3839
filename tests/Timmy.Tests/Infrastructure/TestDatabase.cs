using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Timmy.Core.Events;
using Timmy.Core.Storage;

namespace Timmy.Tests.Infrastructure;

/// <summary>A migrated SQLite database in a temporary folder, deleted on dispose.</summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private TestDatabase(string directory)
    {
        Directory = directory;
        Options = Microsoft.Extensions.Options.Options.Create(new StorageOptions { DataDirectory = directory });
        Connections = new SqliteConnectionFactory(Options);
    }

    public string Directory { get; }
    public IOptions<StorageOptions> Options { get; }
    public SqliteConnectionFactory Connections { get; }

    public static async Task<TestDatabase> CreateAsync(TimeProvider? time = null, bool migrate = true)
    {
        var db = new TestDatabase(System.IO.Directory.CreateTempSubdirectory("timmy-test-").FullName);
        if (migrate)
        {
            await db.NewMigrator(time).MigrateAsync();
        }
        return db;
    }

    public Migrator NewMigrator(TimeProvider? time = null) =>
        new(Connections, NullLogger<Migrator>.Instance, time ?? TimeProvider.System);

    /// <summary>An event log on this database, for stores that log their changes; the caller disposes it.</summary>
    public EventLog NewEventLog(EventBus? bus = null, TimeProvider? time = null) =>
        new(new SqliteEventStore(Connections), bus ?? new EventBus(), time ?? TimeProvider.System, NullLogger<EventLog>.Instance);

    public ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
        }
        return ValueTask.CompletedTask;
    }
}
