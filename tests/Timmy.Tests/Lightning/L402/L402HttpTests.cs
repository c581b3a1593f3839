using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Timmy.Core.Events;
using Timmy.Core.Security;

namespace Timmy.Tests.Lightning.L402;

/// <summary>Paid access over HTTP against the real host: the 402 challenge, paying and using a token, malformed
/// credentials, the challenge rate limit, the owner's free pass, and the token endpoints.</summary>
public sealed class L402HttpTests : IAsyncLifetime
{
    private const string ServePath = "/api/v1/serve/chat";
    private const string TokensPath = "/api/v1/lightning/l402/tokens";
    private L402WebFactory _factory = null!;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync()
    {
        _factory = new L402WebFactory();
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync() => await _factory.DisposeAsync();

    private static JsonContent Question(string message = "what is a sat?") => JsonContent.Create(new { message });

    private async Task<HttpResponseMessage> AskAsync(string? authorization, HttpContent? body = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, ServePath) { Content = body ?? Question() };
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }
        return await _factory.CreateAnonymousClient().SendAsync(request, Ct);
    }

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement;

    private async Task<(string Macaroon, string PaymentHash)> ChallengeAsync()
    {
        var body = await JsonAsync(await AskAsync(null));
        return (body.GetProperty("macaroon").GetString()!, body.GetProperty("payment_hash").GetString()!);
    }

    [Fact]
    public async Task Serve_NoCredential_Answers402WithTheChallenge()
    {
        var response = await AskAsync(null);

        Assert.Equal(HttpStatusCode.PaymentRequired, response.StatusCode);
        var body = await JsonAsync(response);
        var header = Assert.Single(response.Headers.WwwAuthenticate).ToString();
        Assert.Equal($"L402 macaroon=\"{body.GetProperty("macaroon").GetString()}\", invoice=\"{body.GetProperty("invoice").GetString()}\"", header);
        Assert.Equal(402, body.GetProperty("status").GetInt32());
        Assert.Equal(10, body.GetProperty("amount_sats").GetInt64());
        Assert.Equal(64, body.GetProperty("payment_hash").GetString()!.Length);
        Assert.True(body.TryGetProperty("expires_at", out _));
        Assert.True(body.TryGetProperty("type", out _));
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal(1, _factory.Ledger.InvoicesCreated);
    }

    [Fact]
    public async Task Serve_PaidToken_AnswersAndCountsTheTokens()
    {
        var (macaroon, hash) = await ChallengeAsync();
        var preimage = _factory.Ledger.Pay(hash);

        var response = await AskAsync($"L402 {macaroon}:{preimage}", JsonContent.Create(new { message = "hi", max_tokens = 5000 }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await JsonAsync(response);
        Assert.Equal(UsageReportingChatClient.Answer, body.GetProperty("answer").GetString());
        Assert.Equal(UsageReportingChatClient.OutputTokens, body.GetProperty("usage").GetProperty("output_tokens").GetInt32());
        Assert.Equal(1000, _factory.Model.Calls.Single()!.MaxOutputTokens);
        using var owner = await _factory.CreateOwnerClientAsync(ApiScopes.LightningRead);
        var token = (await JsonAsync(await owner.GetAsync(TokensPath, Ct)))[0];
        Assert.Equal(1, token.GetProperty("uses").GetInt32());
        Assert.Equal(UsageReportingChatClient.InputTokens + UsageReportingChatClient.OutputTokens, token.GetProperty("tokens_used").GetInt32());
        Assert.False(token.TryGetProperty("root_key", out _));
    }

    [Fact]
    public async Task Serve_UnpaidToken_Answers402WithTheReasonAndAFreshChallenge()
    {
        var (macaroon, hash) = await ChallengeAsync();

        var response = await AskAsync($"L402 {macaroon}:{_factory.Ledger.Preimage(hash)}");

        Assert.Equal(HttpStatusCode.PaymentRequired, response.StatusCode);
        var body = await JsonAsync(response);
        Assert.StartsWith("The token's invoice is not paid.", body.GetProperty("detail").GetString());
        Assert.NotEqual(hash, body.GetProperty("payment_hash").GetString());
    }

    [Theory]
    [InlineData("L402 garbage")]
    [InlineData("L402 AgIAAA")]
    [InlineData("L402 ***:0000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("LSAT AgELdHAgbG9jYXRpb24CCXRwIGNhdmVhdAAABiCFBgB/aa4+amVOC5dp8g3Z2l0q94YAcNZ3bBWYn7fepg:0000000000000000000000000000000000000000000000000000000000000000")]
    public async Task Serve_MalformedCredential_Answers401(string header)
    {
        var response = await AskAsync(header);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("Malformed", (await JsonAsync(response)).GetProperty("title").GetString());
    }

    [Fact]
    public async Task Serve_MalformedPreimageAndHugeHeader_NeverAnswer500()
    {
        var (macaroon, _) = await ChallengeAsync();

        var badHex = await AskAsync($"L402 {macaroon}:{new string('z', 64)}");
        var noColon = await AskAsync($"L402 {macaroon}");
        var huge = await AskAsync("L402 " + new string('A', 20_000) + ":" + new string('0', 64));
        var otherScheme = await AskAsync("Basic dXNlcjpwYXNz");

        Assert.Equal(HttpStatusCode.Unauthorized, badHex.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, noColon.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, huge.StatusCode);
        Assert.Equal(HttpStatusCode.PaymentRequired, otherScheme.StatusCode);
    }

    [Fact]
    public async Task Serve_TooManyChallenges_Answers429WithoutAnInvoice()
    {
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.PaymentRequired, (await AskAsync(null)).StatusCode);
        }

        var refused = await AskAsync(null);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.NotNull(refused.Headers.RetryAfter);
        Assert.Equal(3, _factory.Ledger.InvoicesCreated);
    }

    [Fact]
    public async Task Serve_OwnerBearerToken_PassesWithoutPaying()
    {
        using var owner = await _factory.CreateOwnerClientAsync(ApiScopes.Chat);
        using var unscoped = await _factory.CreateOwnerClientAsync(ApiScopes.EventsRead);

        var response = await owner.PostAsync(ServePath, Question(), Ct);
        var forbidden = await unscoped.PostAsync(ServePath, Question(), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Equal(0, _factory.Ledger.InvoicesCreated);
    }

    [Fact]
    public async Task Serve_EmptyMessage_Answers400()
    {
        using var owner = await _factory.CreateOwnerClientAsync(ApiScopes.Chat);

        var response = await owner.PostAsync(ServePath, JsonContent.Create(new { message = "" }), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Tokens_ListAndRevoke_NeedTheirScopes()
    {
        var (macaroon, hash) = await ChallengeAsync();
        var preimage = _factory.Ledger.Pay(hash);
        var tokenId = (await JsonAsync(await (await _factory.CreateOwnerClientAsync(ApiScopes.LightningRead)).GetAsync(TokensPath, Ct)))[0]
            .GetProperty("token_id").GetString()!;
        using var reader = await _factory.CreateOwnerClientAsync(ApiScopes.LightningRead);
        using var payer = await _factory.CreateOwnerClientAsync(ApiScopes.LightningPay);
        using var chat = await _factory.CreateOwnerClientAsync(ApiScopes.Chat);

        var listForbidden = await chat.GetAsync(TokensPath, Ct);
        var revokeForbidden = await reader.DeleteAsync($"{TokensPath}/{tokenId}", Ct);
        var revoked = await payer.DeleteAsync($"{TokensPath}/{tokenId}", Ct);
        var again = await payer.DeleteAsync($"{TokensPath}/{tokenId}", Ct);
        var unknown = await payer.DeleteAsync($"{TokensPath}/nope", Ct);
        var refused = await AskAsync($"L402 {macaroon}:{preimage}");

        Assert.Equal(HttpStatusCode.Forbidden, listForbidden.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, revokeForbidden.StatusCode);
        Assert.Equal(HttpStatusCode.OK, revoked.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.PaymentRequired, refused.StatusCode);
        Assert.StartsWith("The token was revoked.", (await JsonAsync(refused)).GetProperty("detail").GetString());
        var events = await _factory.Service<EventReader>().QueryAsync(new EventQuery { Source = Timmy.Core.Lightning.L402.L402Events.Source }, Ct);
        Assert.Equal(EventType.PaymentTokenRevoked, Assert.Single(events.Items).EventType);
    }
}
