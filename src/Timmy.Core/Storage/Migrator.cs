using Dapper;
using Microsoft.Extensions.Logging;

namespace Timmy.Core.Storage;

/// <summary>Applies pending migrations in order, each in its own transaction, and records them in
/// <c>schema_migrations</c>. Refuses to run against a database from a newer build.</summary>
public sealed class Migrator(IDbConnectionFactory connections, ILogger<Migrator> logger, TimeProvider time)
{
    public async Task<IReadOnlyList<Migration>> MigrateAsync(
        IReadOnlyList<Migration>? migrations = null, CancellationToken cancellationToken = default)
    {
        migrations ??= MigrationCatalog.All;
        await using var connection = await connections.OpenAsync(cancellationToken);
        await connection.ExecuteAsync("""
            CREATE TABLE IF NOT EXISTS schema_migrations (
                version    INTEGER PRIMARY KEY,
                name       TEXT NOT NULL,
                applied_at TEXT NOT NULL
            )
            """);
        var current = await connection.ExecuteScalarAsync<int?>("SELECT MAX(version) FROM schema_migrations") ?? 0;
        var latest = migrations.Count == 0 ? 0 : migrations[^1].Version;
        if (current > latest)
        {
            throw new InvalidOperationException(
                $"The database is at schema version {current} but this build knows only up to {latest}; " +
                "run a newer build of Timmy or point --data-dir at another folder.");
        }

        var applied = new List<Migration>();
        foreach (var migration in migrations.Where(m => m.Version > current))
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await connection.ExecuteAsync(migration.Sql, transaction: transaction);
            await connection.ExecuteAsync(
                "INSERT INTO schema_migrations (version, name, applied_at) VALUES (@Version, @Name, @At)",
                new { migration.Version, migration.Name, At = Timestamps.Format(time.GetUtcNow()) }, transaction);
            await transaction.CommitAsync(cancellationToken);
            logger.LogInformation("Applied migration {Version} {Name}", migration.Version, migration.Name);
            applied.Add(migration);
        }
        return applied;
    }

    public async Task<int> CurrentVersionAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var exists = await connection.ExecuteScalarAsync<long>(
            "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'");
        return exists == 0 ? 0 : await connection.ExecuteScalarAsync<int?>("SELECT MAX(version) FROM schema_migrations") ?? 0;
    }
}
