using Microsoft.Extensions.Time.Testing;
using Timmy.Core.Events;
using Timmy.Core.Security;
using Timmy.Tests.Infrastructure;

namespace Timmy.Tests.Tokens;

/// <summary>A token's creation and revocation are stored with their event, in one transaction.</summary>
public sealed class ApiTokenServiceTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 5, 1, 9, 0, 0, TimeSpan.Zero));
    private TestDatabase _db = null!;
    private EventLog _events = null!;
    private ApiTokenService _tokens = null!;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync(_time);
        _events = _db.NewEventLog(time: _time);
        _tokens = new ApiTokenService(new SqliteAuthStore(_db.Connections, _events), _time);
    }

    public async ValueTask DisposeAsync()
    {
        await _events.DisposeAsync();
        await _db.DisposeAsync();
    }

    [Fact]
    public async Task Create_StoresTheTokenAndLogsTokenCreated()
    {
        var created = await _tokens.CreateAsync("ci", [ApiScopes.Catalogue[0].Scope], Ct);

        Assert.Equal(created.Token.Id, Assert.Single(await _tokens.ListAsync(Ct)).Id);
        var logged = Assert.Single(await LoggedAsync());
        Assert.Equal((EventType.AuthTokenCreated, ApiTokenService.EventSource), (logged.EventType, logged.Source));
        Assert.Equal(created.Token.Id, logged.Data.GetProperty("token_id").GetString());
    }

    [Fact]
    public async Task Revoke_Active_RevokesAndLogsTokenRevokedWithItsName()
    {
        var created = await _tokens.CreateAsync("ci", [ApiScopes.Catalogue[0].Scope], Ct);

        Assert.True(await _tokens.RevokeAsync(created.Token.Id, Ct));

        Assert.Equal(_time.GetUtcNow(), Assert.Single(await _tokens.ListAsync(Ct)).RevokedAt);
        var revoked = (await LoggedAsync())[^1];
        Assert.Equal(EventType.AuthTokenRevoked, revoked.EventType);
        Assert.Equal("ci", revoked.Data.GetProperty("name").GetString());
    }

    [Fact]
    public async Task Revoke_UnknownOrAlreadyRevoked_ReturnsFalseAndLogsNothing()
    {
        var created = await _tokens.CreateAsync("ci", [ApiScopes.Catalogue[0].Scope], Ct);
        await _tokens.RevokeAsync(created.Token.Id, Ct);

        Assert.False(await _tokens.RevokeAsync(created.Token.Id, Ct));
        Assert.False(await _tokens.RevokeAsync("tok_missing", Ct));

        Assert.Equal([EventType.AuthTokenCreated, EventType.AuthTokenRevoked], (await LoggedAsync()).Select(e => e.EventType));
    }

    private Task<IReadOnlyList<EventRecord>> LoggedAsync() => new SqliteEventStore(_db.Connections).ReadAfterAsync(0, 100, Ct);
}
