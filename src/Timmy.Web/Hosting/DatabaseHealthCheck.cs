using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Timmy.Core.Storage;

namespace Timmy.Web.Hosting;

/// <summary>Ready when the database answers, its schema is at this build's version, and a writer can get its
/// write lock within <see cref="WriteProbeTimeout"/> (else it reports the database busy: writes would wait and fail).</summary>
public sealed class DatabaseHealthCheck(IDbConnectionFactory connections, Migrator migrator) : IHealthCheck
{
    public const string Name = "database";
    public static readonly TimeSpan WriteProbeTimeout = TimeSpan.FromSeconds(1);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var connection = await connections.OpenAsync(cancellationToken);
            await connection.ExecuteScalarAsync<long>("SELECT 1");
            var version = await migrator.CurrentVersionAsync(cancellationToken);
            var expected = MigrationCatalog.All[^1].Version;
            if (version != expected)
            {
                return HealthCheckResult.Unhealthy($"schema at version {version}, expected {expected}");
            }
            if (connection is SqliteConnection && !await CanTakeWriteLockAsync(connection))
            {
                return HealthCheckResult.Unhealthy(
                    $"database busy: another connection has held the write lock for over {WriteProbeTimeout.TotalSeconds:0} s; writes wait and fail with 503");
            }
            return HealthCheckResult.Healthy("ok");
        }
        catch (Exception ex)
        {
            return HealthCheckResult.Unhealthy(DatabaseBusy.Is(ex) ? "database busy" : $"database unavailable: {ex.GetType().Name}");
        }
    }

    /// <summary>Takes SQLite's write lock and gives it straight back (nothing is written); only this lock, so it
    /// cannot deadlock with the process's own writers, who at most wait for it a moment.</summary>
    private static async Task<bool> CanTakeWriteLockAsync(System.Data.Common.DbConnection connection)
    {
        await connection.ExecuteAsync($"PRAGMA busy_timeout={(int)WriteProbeTimeout.TotalMilliseconds}");
        try
        {
            // The command timeout bounds the driver's own retries on a busy lock.
            await connection.ExecuteAsync("BEGIN IMMEDIATE; ROLLBACK;", commandTimeout: (int)WriteProbeTimeout.TotalSeconds);
            return true;
        }
        catch (SqliteException ex) when (DatabaseBusy.Is(ex))
        {
            return false;
        }
    }
}
