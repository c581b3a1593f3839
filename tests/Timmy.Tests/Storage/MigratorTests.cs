using Dapper;
using Timmy.Core.Storage;
using Timmy.Tests.Infrastructure;

namespace Timmy.Tests.Storage;

public sealed class MigratorTests
{
    [Fact]
    public async Task Migrate_FreshDatabase_AppliesAllOnce()
    {
        await using var db = await TestDatabase.CreateAsync(migrate: false);

        var applied = await db.NewMigrator().MigrateAsync(cancellationToken: TestContext.Current.CancellationToken);
        var again = await db.NewMigrator().MigrateAsync(cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(MigrationCatalog.All.Count, applied.Count);
        Assert.Empty(again);
        Assert.Equal(MigrationCatalog.All[^1].Version, await db.NewMigrator().CurrentVersionAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Migrate_OlderDatabaseWithData_UpgradesAndKeepsData()
    {
        await using var db = await TestDatabase.CreateAsync(migrate: false);
        await db.NewMigrator().MigrateAsync(MigrationCatalog.All.Take(1).ToList(), TestContext.Current.CancellationToken);
        await using (var connection = await db.Connections.OpenAsync(TestContext.Current.CancellationToken))
        {
            await connection.ExecuteAsync("INSERT INTO event_log (event_type, source, data, timestamp) VALUES ('system.info', 'v1', '{}', '2026-01-01T00:00:00.000000Z')");
        }

        var applied = await db.NewMigrator().MigrateAsync(cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(MigrationCatalog.All.Skip(1).Select(m => m.Version), applied.Select(m => m.Version));
        await using var check = await db.Connections.OpenAsync(TestContext.Current.CancellationToken);
        Assert.Equal("v1", await check.ExecuteScalarAsync<string>("SELECT source FROM event_log"));
    }

    [Fact]
    public async Task Migrate_DatabaseFromNewerBuild_IsRefused()
    {
        await using var db = await TestDatabase.CreateAsync();
        await using (var connection = await db.Connections.OpenAsync(TestContext.Current.CancellationToken))
        {
            await connection.ExecuteAsync("INSERT INTO schema_migrations VALUES (999, 'future', '2030-01-01T00:00:00Z')");
        }

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => db.NewMigrator().MigrateAsync(cancellationToken: TestContext.Current.CancellationToken));

        Assert.Contains("schema version 999", error.Message);
    }

    [Fact]
    public async Task Connection_HasWalForeignKeysAndBusyTimeout()
    {
        await using var db = await TestDatabase.CreateAsync();
        await using var connection = await db.Connections.OpenAsync(TestContext.Current.CancellationToken);

        Assert.Equal("wal", await connection.ExecuteScalarAsync<string>("PRAGMA journal_mode"));
        Assert.Equal(1, await connection.ExecuteScalarAsync<long>("PRAGMA foreign_keys"));
        Assert.Equal(5000, await connection.ExecuteScalarAsync<long>("PRAGMA busy_timeout"));
    }

    [Fact]
    public void Catalogue_VersionsAreConsecutiveFromOne()
    {
        Assert.Equal(Enumerable.Range(1, MigrationCatalog.All.Count), MigrationCatalog.All.Select(m => m.Version));
    }
}
