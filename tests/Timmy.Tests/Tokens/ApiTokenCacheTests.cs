using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Timmy.Core.Security;
using Timmy.Tests.Infrastructure;

namespace Timmy.Tests.Tokens;

/// <summary>A token is checked from memory for a short while, its use is stored in the background, and a
/// revocation works at once.</summary>
public sealed class ApiTokenCacheTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 5, 1, 9, 0, 0, TimeSpan.Zero));
    private TestDatabase _db = default!;
    private SqliteAuthStore _store = default!;
    private TokenUseRecorder _uses = default!;
    private ApiTokenService _tokens = default!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync(_time);
        _store = new SqliteAuthStore(_db.Connections, _db.Events);
        _uses = new TokenUseRecorder(_store);
        _tokens = new ApiTokenService(_store, _time, new ApiTokenCache(_time), _uses);
    }

    public async ValueTask DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task Validate_Again_WithinTheLifetime_DoesNotReadTheStore()
    {
        var created = await _tokens.CreateAsync("ci", [ApiScopes.EventsRead], Ct);
        Assert.NotNull(await _tokens.ValidateAsync(created.Secret, Ct));
        // Gone from the store behind the service's back: only the cache can still answer.
        await DeleteRowsAsync();

        Assert.Equal(created.Token.Id, (await _tokens.ValidateAsync(created.Secret, Ct))?.Id);
        _time.Advance(ApiTokenCache.Lifetime);
        Assert.Null(await _tokens.ValidateAsync(created.Secret, Ct));
    }

    [Fact]
    public async Task Revoke_AfterUse_StopsTheTokenAtOnce()
    {
        var created = await _tokens.CreateAsync("ci", [ApiScopes.EventsRead], Ct);
        Assert.NotNull(await _tokens.ValidateAsync(created.Secret, Ct));

        Assert.True(await _tokens.RevokeAsync(created.Token.Id, Ct));

        Assert.Null(await _tokens.ValidateAsync(created.Secret, Ct));
    }

    [Fact]
    public async Task Validate_WritesNothing_AndAFlushStoresTheLatestUseOnce()
    {
        var created = await _tokens.CreateAsync("ci", [ApiScopes.EventsRead], Ct);
        await _tokens.ValidateAsync(created.Secret, Ct);
        _time.Advance(TimeSpan.FromSeconds(20));
        await _tokens.ValidateAsync(created.Secret, Ct);

        Assert.Null((await TokenAsync()).LastUsedAt);
        Assert.Equal(1, await _uses.FlushAsync(Ct));
        Assert.Equal(_time.GetUtcNow(), (await TokenAsync()).LastUsedAt);
        Assert.Equal(0, await _uses.FlushAsync(Ct));
    }

    [Fact]
    public async Task FlushService_Stopping_StoresWhatIsPending()
    {
        var created = await _tokens.CreateAsync("ci", [ApiScopes.EventsRead], Ct);
        var service = new TokenUseFlushService(_uses, _time, NullLogger<TokenUseFlushService>.Instance);
        await service.StartAsync(Ct);
        await _tokens.ValidateAsync(created.Secret, Ct);

        await service.StopAsync(Ct);

        Assert.Equal(_time.GetUtcNow(), (await TokenAsync()).LastUsedAt);
    }

    [Fact]
    public async Task Flush_NeverMovesLastUseBackInTime()
    {
        var created = await _tokens.CreateAsync("ci", [ApiScopes.EventsRead], Ct);
        var later = _time.GetUtcNow().AddMinutes(5);
        await _store.TouchTokensAsync([new(created.Token.Id, later)], Ct);

        _uses.Record(created.Token.Id, _time.GetUtcNow());
        await _uses.FlushAsync(Ct);

        Assert.Equal(later, (await TokenAsync()).LastUsedAt);
    }

    private async Task<ApiToken> TokenAsync() => Assert.Single(await _tokens.ListAsync(Ct));

    private async Task DeleteRowsAsync()
    {
        await using var connection = await _db.Connections.OpenAsync(Ct);
        await connection.ExecuteAsync("DELETE FROM api_tokens");
    }
}
