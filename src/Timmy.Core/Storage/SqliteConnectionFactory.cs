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
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly TimeSpan _busyTimeout;
    private int _walEnabled;

    public SqliteConnectionFactory(IOptions<StorageOptions> options)
    {
        var storage = options.Value;
        DatabasePath = storage.DatabasePath;
        CreatePrivately(DatabasePath);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = DatabasePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
            DefaultTimeout = Math.Max(1, storage.BusyTimeoutMs / 1000),
        }.ToString();
        // Per-connection settings; journal_mode=WAL is stored in the file, so it is set once. Reads go through a memory
        // map of up to 256 MiB (the OS's page cache, shared by every pooled connection) instead of a copy per page: a
        // filtered full-text search of the memory reads thousands of rows.
        _busyTimeout = TimeSpan.FromMilliseconds(storage.BusyTimeoutMs);
        _pragmas = $"PRAGMA busy_timeout={storage.BusyTimeoutMs}; PRAGMA foreign_keys=ON; PRAGMA synchronous=FULL; PRAGMA mmap_size=268435456;";
    }

    public string DatabasePath { get; }

    /// <summary>The folder (0700) and the database file (0600) are the owner's alone: the file holds the audit log,
    /// conversations and token hashes. SQLite gives its -wal and -shm files the database file's mode.</summary>
    private static void CreatePrivately(string databasePath)
    {
        var folder = Path.GetDirectoryName(databasePath)!;
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(folder);
            return;
        }
        Directory.CreateDirectory(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        if (File.Exists(databasePath))
        {
            return;
        }
        try
        {
            using var created = new FileStream(databasePath, new FileStreamOptions
            {
                Mode = FileMode.CreateNew,
                Access = FileAccess.Write,
                UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite,
            });
        }
        catch (IOException) when (File.Exists(databasePath))
        {
            // Another process created it a moment ago.
        }
    }

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

    /// <summary>Write transactions of this process queue here, in turn and without blocking a thread, before
    /// they take SQLite's write lock (BEGIN IMMEDIATE); the lock is theirs until their after-commit actions have run.</summary>
    public async Task<WriteTransaction> BeginWriteAsync(DbConnection? connection = null, CancellationToken cancellationToken = default)
    {
        if (!await _writeLock.WaitAsync(_busyTimeout, cancellationToken))
        {
            throw new DatabaseBusyException($"Another write to {DatabasePath} held it for longer than {_busyTimeout.TotalMilliseconds} ms.");
        }
        var owned = connection is null;
        try
        {
            connection ??= await OpenAsync(cancellationToken);
            var transaction = ((SqliteConnection)connection).BeginTransaction(IsolationLevel.Serializable, deferred: false);
            return new WriteTransaction(connection, transaction, _writeLock, owned);
        }
        catch
        {
            if (owned && connection is not null)
            {
                await connection.DisposeAsync();
            }
            _writeLock.Release();
            throw;
        }
    }

    public string Describe() => DatabasePath;
}
