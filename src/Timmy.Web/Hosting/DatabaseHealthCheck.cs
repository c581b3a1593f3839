using Dapper;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Timmy.Core.Storage;

namespace Timmy.Web.Hosting;

/// <summary>Ready when the database answers and its schema is at this build's version.</summary>
public sealed class DatabaseHealthCheck(IDbConnectionFactory connections, Migrator migrator) : IHealthCheck
{
    public const string Name = "database";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var connection = await connections.OpenAsync(cancellationToken);
            await connection.ExecuteScalarAsync<long>("SELECT 1");
            var version = await migrator.CurrentVersionAsync(cancellationToken);
            var expected = MigrationCatalog.All[^1].Version;
            return version == expected
                ? HealthCheckResult.Healthy("ok")
                : HealthCheckResult.Unhealthy($"schema at version {version}, expected {expected}");
        }
        catch (Exception ex)
        {
            return HealthCheckResult.Unhealthy($"database unavailable: {ex.GetType().Name}");
        }
    }
}
