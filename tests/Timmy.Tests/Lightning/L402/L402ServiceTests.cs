using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Timmy.Core.Events;
using Timmy.Core.Lightning.L402;
using Timmy.Tests.Infrastructure;

namespace Timmy.Tests.Lightning.L402;

/// <summary>L402Service on a migrated database with an in-memory ledger and a controlled clock.</summary>
public sealed class L402ServiceTests : IAsyncLifetime
{
    private const string Chat = "/api/v1/serve/chat";
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));
    private readonly FakeL402Ledger _ledger = new();
    private readonly L402Options _options = new();
    private TestDatabase _db = null!;
    private L402Service _l402 = null!;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync(_time);
        new PostConfigureL402Options().PostConfigure(null, _options);
        _options.Routes.Add(new L402RouteOptions { Method = "POST", Path = "/api/v1/metered/*", PricePer1000TokensSats = 5, PrepaidTokens = 100 });
        _l402 = new L402Service(new SqliteL402TokenStore(_db.Connections, _db.Events), _ledger,
            new StaticOptionsMonitor(_options), _time);
    }

    public async ValueTask DisposeAsync() => await _db.DisposeAsync();

    private L402RouteOptions ChatRoute => _options.FindRoute("POST", Chat)!;

    private static string Header(L402Challenge challenge, string preimage, string scheme = "L402") => $"{scheme} {challenge.Macaroon}:{preimage}";

    private Task<L402Verification> VerifyAsync(string header, string path = Chat) => _l402.VerifyAsync(header, "POST", path, Ct);

    [Fact]
    public async Task Verify_PaidToken_IsGranted()
    {
        var challenge = await _l402.IssueChallengeAsync(ChatRoute, "127.0.0.1", Ct);
        var preimage = _ledger.Pay(challenge.PaymentHash);

        var result = await VerifyAsync(Header(challenge, preimage));
        var legacy = await VerifyAsync(Header(challenge, preimage.ToUpperInvariant(), "LSAT"));

        Assert.True(result.IsGranted, result.Failure);
        Assert.True(legacy.IsGranted, legacy.Failure);
        Assert.Equal(challenge.TokenId, result.Token!.TokenId);
        Assert.Equal(100, challenge.AmountSats);
        var macaroon = Macaroon.FromBase64(challenge.Macaroon);
        Assert.Equal(["services=timmy:standard", "timmy_capabilities=POST /api/v1/serve/chat", "timmy_valid_until=1774958400"],
            macaroon.Caveats.Select(c => c.Text));
    }

    [Fact]
    public async Task Verify_WrongPreimage_IsRefused()
    {
        var challenge = await _l402.IssueChallengeAsync(ChatRoute, null, Ct);
        _ledger.Pay(challenge.PaymentHash);

        var result = await VerifyAsync(Header(challenge, new string('a', 64)));

        Assert.False(result.IsGranted);
        Assert.False(result.IsMalformed);
        Assert.Contains("preimage", result.Failure);
    }

    [Fact]
    public async Task Verify_Unpaid_IsRefused()
    {
        var challenge = await _l402.IssueChallengeAsync(ChatRoute, null, Ct);

        var result = await VerifyAsync(Header(challenge, _ledger.Preimage(challenge.PaymentHash)));

        Assert.Equal("The token's invoice is not paid.", result.Failure);
    }

    [Fact]
    public async Task Verify_Revoked_IsRefusedAndTheRevocationLogged()
    {
        var challenge = await _l402.IssueChallengeAsync(ChatRoute, null, Ct);
        var preimage = _ledger.Pay(challenge.PaymentHash);

        await _l402.RevokeAsync(challenge.TokenId, Ct);
        var result = await VerifyAsync(Header(challenge, preimage));

        Assert.Equal("The token was revoked.", result.Failure);
        var logged = Assert.Single(await _db.StoredEventsAsync(), e => e.EventType == EventType.PaymentTokenRevoked);
        Assert.Contains(challenge.TokenId, logged.Data.GetRawText());
        await Assert.ThrowsAsync<L402TokenNotFoundException>(() => _l402.RevokeAsync(challenge.TokenId, Ct));
    }

    [Fact]
    public async Task Verify_AfterTheLifetime_IsRefusedAsExpired()
    {
        var challenge = await _l402.IssueChallengeAsync(ChatRoute, null, Ct);
        var preimage = _ledger.Pay(challenge.PaymentHash);

        _time.Advance(_options.TokenLifetime - TimeSpan.FromSeconds(1));
        var before = await VerifyAsync(Header(challenge, preimage));
        _time.Advance(TimeSpan.FromSeconds(1));
        var after = await VerifyAsync(Header(challenge, preimage));

        Assert.True(before.IsGranted, before.Failure);
        Assert.StartsWith("The token expired", after.Failure);
    }

    [Fact]
    public async Task Verify_UnknownCaveatAddedByTheHolder_IsRefused()
    {
        var challenge = await _l402.IssueChallengeAsync(ChatRoute, null, Ct);
        var preimage = _ledger.Pay(challenge.PaymentHash);
        var narrowed = Macaroon.FromBase64(challenge.Macaroon).WithFirstPartyCaveat("ip_address=10.0.0.1");

        var result = await VerifyAsync($"L402 {narrowed.ToBase64()}:{preimage}");

        Assert.Contains("does not know", result.Failure);
    }

    [Fact]
    public async Task Verify_EarlierExpiryAddedByTheHolder_IsHonoured()
    {
        var challenge = await _l402.IssueChallengeAsync(ChatRoute, null, Ct);
        var preimage = _ledger.Pay(challenge.PaymentHash);
        var soon = _time.GetUtcNow().AddMinutes(5).ToUnixTimeSeconds();
        var narrowed = Macaroon.FromBase64(challenge.Macaroon).WithFirstPartyCaveat($"timmy_valid_until={soon}");

        _time.Advance(TimeSpan.FromMinutes(6));
        var result = await VerifyAsync($"L402 {narrowed.ToBase64()}:{preimage}");

        Assert.StartsWith("The token expired", result.Failure);
    }

    [Fact]
    public async Task Verify_TokenForAnotherRoute_IsRefused()
    {
        var metered = _options.FindRoute("POST", "/api/v1/metered/x")!;
        var challenge = await _l402.IssueChallengeAsync(metered, null, Ct);
        var preimage = _ledger.Pay(challenge.PaymentHash);

        var result = await VerifyAsync(Header(challenge, preimage));
        var own = await VerifyAsync(Header(challenge, preimage), "/api/v1/metered/anything");

        Assert.Equal("The token does not open POST /api/v1/serve/chat.", result.Failure);
        Assert.True(own.IsGranted, own.Failure);
    }

    [Fact]
    public async Task Verify_AllowanceUsedUp_IsRefused()
    {
        var metered = _options.FindRoute("POST", "/api/v1/metered/x")!;
        var challenge = await _l402.IssueChallengeAsync(metered, null, Ct);
        var preimage = _ledger.Pay(challenge.PaymentHash);

        await _l402.RecordUseAsync(challenge.TokenId, 60, Ct);
        var partly = await VerifyAsync(Header(challenge, preimage), "/api/v1/metered/x");
        await _l402.RecordUseAsync(challenge.TokenId, 40, Ct);
        var spent = await VerifyAsync(Header(challenge, preimage), "/api/v1/metered/x");

        Assert.Equal(1, challenge.AmountSats);
        Assert.Equal(40, partly.Token!.TokensRemaining);
        Assert.Equal("The token's 100 model tokens are used up.", spent.Failure);
        var listed = Assert.Single(await _l402.ListAsync(cancellationToken: Ct));
        Assert.Equal((2L, 100L), (listed.Uses, listed.TokensUsed));
    }

    [Theory]
    [InlineData("L402 ")]
    [InlineData("L402 garbage")]
    [InlineData("L402 AgIAAA:0000")]
    [InlineData("L402 !!!:0000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("Bearer abc")]
    public async Task Verify_Malformed_SaysSoWithoutThrowing(string header)
    {
        var result = await VerifyAsync(header);

        Assert.True(result.IsMalformed);
        Assert.NotNull(result.Failure);
    }

    [Fact]
    public async Task Verify_ForgedTokenId_IsRefusedAsUnknown()
    {
        var rootKey = new byte[32];
        var id = L402Identifier.Create(new byte[32], new byte[32]);
        var forged = MacaroonMinter.Mint(rootKey, id.Encode(), "timmy", []);

        var result = await VerifyAsync($"L402 {forged.ToBase64()}:{new string('0', 64)}");

        Assert.Equal("This server never issued that token.", result.Failure);
    }

    private sealed class StaticOptionsMonitor(L402Options value) : IOptionsMonitor<L402Options>
    {
        public L402Options CurrentValue => value;

        public L402Options Get(string? name) => value;

        public IDisposable? OnChange(Action<L402Options, string?> listener) => null;
    }
}
