using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
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
