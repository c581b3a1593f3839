using System.Data;
using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace Timmy.Core.Storage;

/// <summary>Opens connections to <c>&lt;data-dir&gt;/swarm.db</c> with WAL, a busy timeout, foreign keys
/// on and <c>synchronous=FULL</c> (a commit that returned survives power loss, not only a crash).</summary>
public sealed class SqliteConnectionFactory : IDbConnectionFactory
{
    private readonly string _connectionString;
    private readonly string _pragmas;
    private readonly SemaphoreSlim _commitOrder = new(1, 1);
    private int _walEnabled;

    public SqliteConnectionFactory(IOptions<StorageOptions> options)
    {
        var storage = options.Value;
        DatabasePath = storage.DatabasePath;
        Directory.CreateDirectory(Path.GetDirectoryName(DatabasePath)!);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = DatabasePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
            DefaultTimeout = Math.Max(1, storage.BusyTimeoutMs / 1000),
        }.ToString();
        // Per-connection settings; journal_mode=WAL is stored in the file, so it is set once.
        _pragmas = $"PRAGMA busy_timeout={storage.BusyTimeoutMs}; PRAGMA foreign_keys=ON; PRAGMA synchronous=FULL;";
    }

    public string DatabasePath { get; }

    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken = default)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            using var pragma = connection.CreateCommand();
            pragma.CommandText = Interlocked.Exchange(ref _walEnabled, 1) == 0 ? "PRAGMA journal_mode=WAL; " + _pragmas : _pragmas;
            await pragma.ExecuteNonQueryAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public async Task<WriteTransaction> BeginWriteAsync(DbConnection? connection = null, CancellationToken cancellationToken = default)
    {
        var owned = connection is null;
        connection ??= await OpenAsync(cancellationToken);
        try
        {
            // Not deferred: BEGIN IMMEDIATE, waiting up to busy_timeout for the write lock.
            var transaction = ((SqliteConnection)connection).BeginTransaction(IsolationLevel.Serializable, deferred: false);
            return new WriteTransaction(connection, transaction, _commitOrder, owned);
        }
        catch when (owned)
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public string Describe() => DatabasePath;
}
