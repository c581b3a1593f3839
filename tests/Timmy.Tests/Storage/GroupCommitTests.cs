using Dapper;
using Timmy.Core.Storage;
using Timmy.Tests.Infrastructure;

namespace Timmy.Tests.Storage;

/// <summary>Group commit: concurrent units share transactions, each unit in its own savepoint, so one that fails is
/// undone alone and its after-commit actions never run.</summary>
public sealed class GroupCommitTests : IAsyncLifetime
{
    private TestDatabase _db = null!;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync();
        await using var connection = await _db.Connections.OpenAsync(Ct);
        await connection.ExecuteAsync("CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT NOT NULL UNIQUE)");
    }

    public async ValueTask DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task A_FailingUnit_IsUndoneAlone_AndItsAnnouncementsAreForgotten()
    {
        var announced = new List<string>();
        var group = GroupCommit.For(_db.Connections);

        var units = Enumerable.Range(0, 200).Select(i => group.RunAsync(async tx =>
        {
            await tx.Connection.ExecuteAsync("INSERT INTO notes (text) VALUES (@text)", new { text = $"note {i}" }, tx.Transaction);
            tx.OnCommitted(() => { lock (announced) { announced.Add($"note {i}"); } });
            if (i % 10 == 3)
            {
                await tx.Connection.ExecuteAsync("INSERT INTO notes (text) VALUES ('note 0')", transaction: tx.Transaction); // unique: fails
            }
            return i;
        }, Ct)).ToList();
        await Task.WhenAll(units.Select(u => u.ContinueWith(_ => { }, Ct)));

        Assert.Equal(20, units.Count(u => u.IsFaulted));
        Assert.All(units.Where(u => u.IsFaulted), u => Assert.Contains("UNIQUE", u.Exception!.InnerException!.Message));
        await using var connection = await _db.Connections.OpenAsync(Ct);
        var stored = (await connection.QueryAsync<string>("SELECT text FROM notes")).ToHashSet();
        Assert.Equal(180, stored.Count);
        Assert.DoesNotContain("note 3", stored);
        Assert.Contains("note 4", stored);
        Assert.Equal(stored, announced.ToHashSet());
    }

    [Fact]
    public async Task A_Caller_HearsOnlyAfterTheCommit_AndOneFactoryHasOneGroup()
    {
        var group = GroupCommit.For(_db.Connections);

        var id = await group.RunAsync(tx => tx.Connection.ExecuteScalarAsync<long>(
            "INSERT INTO notes (text) VALUES ('durable') RETURNING id", transaction: tx.Transaction), Ct);

        await using var connection = await _db.Connections.OpenAsync(Ct);
        Assert.Equal("durable", await connection.ExecuteScalarAsync<string>("SELECT text FROM notes WHERE id = @id", new { id }));
        Assert.Same(group, GroupCommit.For(_db.Connections));
    }
}
