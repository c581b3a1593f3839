using Dapper;
using Microsoft.Extensions.Time.Testing;
using Timmy.Core.Storage;
using Timmy.Tests.Infrastructure;

namespace Timmy.Tests.Swarm.Personas;

/// <summary>Tests over a migrated temporary database that also has the <c>persona_outcomes</c> table (created here
/// if the migrations have not already made it), on a fake clock.</summary>
public abstract class PersonaOutcomesDatabaseTests : IAsyncLifetime
{
    private const string Ddl = """
        CREATE TABLE IF NOT EXISTS persona_outcomes (
            persona_id  TEXT    NOT NULL,
            task_id     TEXT    NOT NULL,
            keywords    TEXT    NOT NULL DEFAULT '[]',
            bid_sats    INTEGER NOT NULL,
            won         INTEGER NOT NULL DEFAULT 0 CHECK (won IN (0, 1)),
            succeeded   INTEGER NULL CHECK (succeeded IN (0, 1)),
            recorded_at TEXT    NOT NULL,
            PRIMARY KEY (persona_id, task_id)
        );
        CREATE INDEX IF NOT EXISTS ix_persona_outcomes_recorded ON persona_outcomes (persona_id, recorded_at);
        """;

    protected FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));

    protected TestDatabase Db { get; private set; } = null!;

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    public virtual async ValueTask InitializeAsync()
    {
        Db = await TestDatabase.CreateAsync(Time);
        await using var connection = await Db.Connections.OpenAsync(Ct);
        await connection.ExecuteAsync(Ddl);
    }

    public async ValueTask DisposeAsync() => await Db.DisposeAsync();

    /// <summary>A second connection factory over the same file, as a restarted process would make.</summary>
    protected IDbConnectionFactory Reopen() => new SqliteConnectionFactory(Db.Options);

    protected async Task<long> CountRowsAsync()
    {
        await using var connection = await Db.Connections.OpenAsync(Ct);
        return await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM persona_outcomes");
    }
}
