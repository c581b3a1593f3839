using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Timmy.Core.Chat;
using Timmy.Core.Security;
using Timmy.Tests.Router.Fakes;

namespace Timmy.Tests.Chat;

/// <summary><c>POST /api/v1/chat</c> through the real host, with a token holding only the chat scope.</summary>
public sealed class ChatEndpointsTests : ChatWebTests
{
    private Task<HttpResponseMessage> AskAsync(object body, HttpClient? client = null) =>
        (client ?? Api).PostAsJsonAsync("/api/v1/chat", body, Ct);

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        await response.Content.ReadFromJsonAsync<JsonElement>(Ct);

    [Fact]
    public async Task Chat_Anonymous_Returns401()
    {
        var response = await AskAsync(new { message = "hi" }, Host.Factory.CreateAnonymousClient());

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Chat_TokenWithoutChatScope_Returns403AndStoresNothing()
    {
        var response = await AskAsync(new { message = "hi" }, await Host.Factory.CreateOwnerClientAsync(ApiScopes.EventsRead, ApiScopes.RouterControl));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Empty(await Host.Store.ListAsync(10, Ct));
        Assert.Equal(0, Host.Ollama.ChatRequests);
    }

    [Fact]
    public async Task Chat_Message_AnswersInSnakeCaseAndStoresTheTurn()
    {
        var response = await AskAsync(new { message = "What is a sat?" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = await JsonAsync(response);
        Assert.Equal(
            ["fallback_used", "latency_ms", "message_id", "model", "provider", "reply", "session_id"],
            json.EnumerateObject().Select(p => p.Name).Order());
        Assert.Equal("hello from the fake", json.GetProperty("reply").GetString());
        Assert.Equal("ollama", json.GetProperty("provider").GetString());
        Assert.Equal("llama3.2", json.GetProperty("model").GetString());
        Assert.False(json.GetProperty("fallback_used").GetBoolean());
        Assert.True(json.GetProperty("latency_ms").GetDouble() >= 0);
        var stored = await Host.Store.AllMessagesAsync(json.GetProperty("session_id").GetString()!, Ct);
        Assert.Equal(["What is a sat?", "hello from the fake"], stored.Select(m => m.Content));
        Assert.Equal(stored[1].Id, json.GetProperty("message_id").GetInt64());
    }

    [Fact]
    public async Task Chat_SessionId_ContinuesTheConversationWithItsHistory()
    {
        Host.Ollama.Enqueue(FakeReply.Answer("first answer"));
        var session = (await JsonAsync(await AskAsync(new { message = "first question" }))).GetProperty("session_id").GetString();

        var json = await JsonAsync(await AskAsync(new { message = "second question", session_id = session }));

        Assert.Equal(session, json.GetProperty("session_id").GetString());
        var sent = Host.Ollama.Requests[1]["messages"]!.AsArray().Select(m => (string?)m!["content"]).ToList();
        Assert.Equal([TimmyPrompt.System, "first question", "first answer", "second question"], sent);
    }

    [Fact]
    public async Task Chat_UnknownSession_Returns400AndStoresNothing()
    {
        var response = await AskAsync(new { message = "hi", session_id = "no-such-session" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await JsonAsync(response)).GetProperty("errors");
        Assert.Contains("no-such-session", errors.GetProperty("session_id")[0].GetString());
        Assert.Empty(await Host.Store.ListAsync(10, Ct));
    }

    [Theory]
    [InlineData("""{"message":""}""", "message")]
    [InlineData("""{"message":"   "}""", "message")]
    [InlineData("""{"session_id":"x"}""", "message")]
    [InlineData("null", "body")]
    [InlineData("""{"message":"too long"}""", "message")]
    [InlineData("""{"message":"hi","session_id":"0123456789012345678901234567890123456789012345678901234567890123456789"}""", "session_id")]
    [InlineData("""{"message": "unterminated""", "body")]
    [InlineData("""{"message": 42}""", "message")]
    public async Task Chat_BadBody_Returns400ProblemNamingTheFieldAndStoresNothing(string body, string field)
    {
        body = body.Replace("too long", new string('x', 8_001), StringComparison.Ordinal);

        var response = await Api.PostAsync("/api/v1/chat", new StringContent(body, Encoding.UTF8, "application/json"), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.True((await JsonAsync(response)).GetProperty("errors").TryGetProperty(field, out _));
        Assert.Empty(await Host.Store.ListAsync(10, Ct));
        Assert.Equal(0, Host.Ollama.ChatRequests);
    }

    [Fact]
    public async Task Chat_NoProviderAnswers_Returns503ProblemWithEachReason()
    {
        Host.Ollama.Default = FakeReply.Error(500);

        var response = await AskAsync(new { message = "anyone?" });

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var json = await JsonAsync(response);
        Assert.Equal("No LLM provider is reachable", json.GetProperty("title").GetString());
        Assert.StartsWith(ChatErrors.NoProviderHeadline, json.GetProperty("detail").GetString());
        var reasons = json.GetProperty("reasons").EnumerateArray().ToList();
        Assert.Equal(["ollama", "backup"], reasons.Select(r => r.GetProperty("provider").GetString()));
        Assert.All(reasons, r => Assert.False(r.GetProperty("skipped").GetBoolean()));
        Assert.Contains("500", reasons[0].GetProperty("reason").GetString());
        var stored = await Host.Store.AllMessagesAsync(json.GetProperty("session_id").GetString()!, Ct);
        Assert.Equal([ConversationRoles.User, ConversationRoles.Error], stored.Select(m => m.Role));
    }

    [Fact]
    public async Task Chat_ConversationDeletedWhileAnswering_Returns409ProblemAndStoresNothing()
    {
        Host.Ollama.Default = FakeReply.Held();

        var asking = AskAsync(new { message = "slow one" });
        var id = await DeleteWhileHeldAsync();
        var response = await asking;

        await AssertConflictAsync(response, "The conversation was deleted", ConversationDeletedException.Advice, id);
        Assert.Empty(await Host.Store.ListAsync(10, Ct));
    }

    [Fact]
    public async Task Chat_SecondQuestionWhileAnswering_Returns409AndStoresNothing()
    {
        var (first, second) = await AskTwiceAtOnceAsync("/api/v1/chat");

        var session = (await JsonAsync(first)).GetProperty("session_id").GetString()!;
        await AssertConflictAsync(second, "Timmy is still answering in this conversation", ConversationBusyException.Advice, session);
        var third = await AskAsync(new { message = "third", session_id = session });
        Assert.Equal(HttpStatusCode.OK, third.StatusCode);
        Assert.Equal(["first", "hello from the fake", "third", "hello from the fake"], (await Host.Store.AllMessagesAsync(session, Ct)).Select(m => m.Content));
    }

    [Fact]
    public async Task Chat_OverRequestsPerMinute_Returns429AndTheStreamSharesTheLimit()
    {
        await using var limited = await ChatWebHost.StartAsync(("Timmy:Chat:RequestsPerMinute", "2"));
        var client = await limited.Factory.CreateOwnerClientAsync(ApiScopes.Chat);

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 2; i++)
        {
            statuses.Add((await AskAsync(new { message = "hi" }, client)).StatusCode);
        }
        var third = await AskAsync(new { message = "hi" }, client);
        var stream = await client.PostAsJsonAsync("/api/v1/chat/stream", new { message = "hi" }, Ct);

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK], statuses);
        Assert.Equal(HttpStatusCode.TooManyRequests, third.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, stream.StatusCode);
        Assert.Equal(2, limited.Ollama.ChatRequests);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/chat/conversations", Ct)).StatusCode);
    }
}
