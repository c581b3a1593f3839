using Microsoft.Extensions.Time.Testing;
using Timmy.Core.Events;
using Timmy.Core.Security;
using Timmy.Tests.Infrastructure;

namespace Timmy.Tests.Tokens;

/// <summary>A token's creation and revocation are stored with their event, in one transaction.</summary>
public sealed class ApiTokenServiceTests
{
    private static readonly string Scope = ApiScopes.Catalogue[0].Scope;
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 5, 1, 9, 0, 0, TimeSpan.Zero));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Create_StoresTheTokenAndLogsTokenCreated()
    {
        await using var db = await TestDatabase.CreateAsync(_time);

        var created = await Tokens(db).CreateAsync("ci", [Scope], Ct);

        Assert.Equal(created.Token.Id, Assert.Single(await Tokens(db).ListAsync(Ct)).Id);
        var logged = Assert.Single(await db.StoredEventsAsync());
        Assert.Equal((EventType.AuthTokenCreated, ApiTokenService.EventSource), (logged.EventType, logged.Source));
        Assert.Equal(created.Token.Id, logged.Data.GetProperty("token_id").GetString());
    }

    [Fact]
    public async Task Revoke_Active_RevokesAndLogsTokenRevokedWithItsName()
    {
        await using var db = await TestDatabase.CreateAsync(_time);
        var created = await Tokens(db).CreateAsync("ci", [Scope], Ct);

        Assert.True(await Tokens(db).RevokeAsync(created.Token.Id, Ct));

        Assert.Equal(_time.GetUtcNow(), Assert.Single(await Tokens(db).ListAsync(Ct)).RevokedAt);
        var revoked = (await db.StoredEventsAsync())[^1];
        Assert.Equal(EventType.AuthTokenRevoked, revoked.EventType);
        Assert.Equal("ci", revoked.Data.GetProperty("name").GetString());
    }

    [Fact]
    public async Task Revoke_UnknownOrAlreadyRevoked_ReturnsFalseAndLogsNothing()
    {
        await using var db = await TestDatabase.CreateAsync(_time);
        var created = await Tokens(db).CreateAsync("ci", [Scope], Ct);
        await Tokens(db).RevokeAsync(created.Token.Id, Ct);

        Assert.False(await Tokens(db).RevokeAsync(created.Token.Id, Ct));
        Assert.False(await Tokens(db).RevokeAsync("tok_missing", Ct));

        Assert.Equal([EventType.AuthTokenCreated, EventType.AuthTokenRevoked], (await db.StoredEventsAsync()).Select(e => e.EventType));
    }

    private ApiTokenService Tokens(TestDatabase db)
    {
        var store = new SqliteAuthStore(db.Connections, db.Events);
        return new(store, _time, new ApiTokenCache(_time), new TokenUseRecorder(store));
    }
}
