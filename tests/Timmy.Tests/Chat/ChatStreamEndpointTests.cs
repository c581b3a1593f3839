using System.Net;
using System.Net.Http.Json;
using System.Net.ServerSentEvents;
using System.Text.Json;
using Timmy.Core.Chat;
using Timmy.Tests.Infrastructure;
using Timmy.Tests.Router.Fakes;

namespace Timmy.Tests.Chat;

/// <summary><c>POST /api/v1/chat/stream</c>: server-sent events <c>start</c>, <c>token</c>… (with <c>markdown</c> renderings of
/// the text so far between them), then <c>done</c> or <c>error</c>.</summary>
public sealed class ChatStreamEndpointTests : ChatWebTests
{
    private Task<HttpResponseMessage> StreamAsync(object body) => Api.PostAsJsonAsync("/api/v1/chat/stream", body, Ct);

    private static async Task<List<SseItem<string>>> EventsAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType!.MediaType);
        var events = new List<SseItem<string>>();
        await foreach (var item in SseParser.Create(await response.Content.ReadAsStreamAsync(Ct)).EnumerateAsync(Ct))
        {
            events.Add(item);
        }
        return events;
    }

    private static JsonElement Json(SseItem<string> item) => JsonDocument.Parse(item.Data).RootElement;

    [Fact]
    public async Task Stream_ProviderUp_SendsStartTokensThenDone()
    {
        var all = await EventsAsync(await StreamAsync(new { message = "hi" }));
        var events = all.Where(e => e.EventType != "markdown").ToList();

        Assert.Equal(["start", "token", "token", "token", "token", "done"], events.Select(e => e.EventType));
        // The first token is drawn at once; the rest within the interval or by the finished turn.
        Assert.Equal("<p>hello</p>\n", Json(all.First(e => e.EventType == "markdown")).GetProperty("html").GetString());
        Assert.Equal("done", all[^1].EventType);
        var session = Json(events[0]).GetProperty("session_id").GetString()!;
        Assert.Equal($"<li><a href=\"/?c={session}\" title=\"hi\" class=\"active\" aria-current=\"page\">hi</a></li>",
            Json(events[0]).GetProperty("conversation_html").GetString());
        Assert.Equal(["hello", " from", " the", " fake"], events[1..^1].Select(e => e.Data));
        var done = Json(events[^1]);
        Assert.Equal(session, done.GetProperty("session_id").GetString());
        Assert.Equal("ollama", done.GetProperty("provider").GetString());
        Assert.Equal("llama3.2", done.GetProperty("model").GetString());
        Assert.False(done.GetProperty("fallback_used").GetBoolean());
        Assert.True(done.TryGetProperty("latency_ms", out _));
        Assert.Equal("<p>hello from the fake</p>\n", done.GetProperty("html").GetString());
        var turn = done.GetProperty("turn_html").GetString()!;
        Assert.StartsWith("<article class=\"chat-msg chat-assistant\" data-role=\"assistant\">", turn);
        Assert.Contains("<span data-provider>ollama</span>", turn);
        var stored = await Host.Store.AllMessagesAsync(session, Ct);
        Assert.Equal(["hi", "hello from the fake"], stored.Select(m => m.Content));
        Assert.Equal(stored[1].Id, done.GetProperty("message_id").GetInt64());
    }

    [Fact]
    public async Task Stream_TokenWithNewlines_ArrivesWhole()
    {
        Host.Ollama.Default = FakeReply.Answer("first\nsecond line");

        var events = await EventsAsync(await StreamAsync(new { message = "hi" }));

        Assert.Equal(["first\nsecond", " line"], events.Where(e => e.EventType == "token").Select(e => e.Data));
    }

    [Fact]
    public async Task Stream_NoProviderAnswers_SendsErrorEventWithEachReason()
    {
        Host.Ollama.Default = FakeReply.Error(500);

        var events = await EventsAsync(await StreamAsync(new { message = "anyone?" }));

        Assert.Equal(["start", "error"], events.Select(e => e.EventType));
        var error = Json(events[1]);
        Assert.True(error.GetProperty("no_provider").GetBoolean());
        Assert.StartsWith(ChatErrors.NoProviderHeadline, error.GetProperty("message").GetString());
        Assert.Contains("<code>ollama serve</code>", error.GetProperty("html").GetString());
        Assert.StartsWith("<article class=\"chat-msg chat-error\" data-role=\"error\">", error.GetProperty("turn_html").GetString());
        Assert.Equal(["ollama", "backup"], error.GetProperty("reasons").EnumerateArray().Select(r => r.GetProperty("provider").GetString()));
        var stored = await Host.Store.AllMessagesAsync(error.GetProperty("session_id").GetString()!, Ct);
        Assert.Equal([ConversationRoles.User, ConversationRoles.Error], stored.Select(m => m.Role));
    }

    [Fact]
    public async Task Stream_ConversationDeletedWhileAnswering_EndsWithAnErrorEventSayingSo()
    {
        Host.Ollama.Default = FakeReply.Held("one two");

        var streaming = StreamAsync(new { message = "slow one" });
        var id = await DeleteWhileHeldAsync();
        var events = await EventsAsync(await streaming);

        Assert.Equal(["start", "token", "token", "error"], events.Where(e => e.EventType != "markdown").Select(e => e.EventType));
        var error = Json(events[^1]);
        Assert.True(error.GetProperty("conversation_deleted").GetBoolean());
        Assert.Equal(id, error.GetProperty("session_id").GetString());
        Assert.Equal(JsonValueKind.Null, error.GetProperty("message_id").ValueKind);
        Assert.Equal(new ConversationDeletedException(id).Message, error.GetProperty("message").GetString());
        Assert.Contains("The conversation was deleted", error.GetProperty("html").GetString());
        Assert.False(error.GetProperty("no_provider").GetBoolean());
        Assert.Empty(await Host.Store.ListAsync(10, Ct));
    }

    [Fact]
    public async Task Stream_SecondQuestionWhileAnswering_Returns409ProblemNotAStream()
    {
        var (first, second) = await AskTwiceAtOnceAsync("/api/v1/chat/stream");

        var events = await EventsAsync(first);
        var session = Json(events[0]).GetProperty("session_id").GetString()!;
        Assert.Equal("done", events[^1].EventType);
        await AssertConflictAsync(second, "Timmy is still answering in this conversation", ConversationBusyException.Advice, session);
        Assert.Equal(["first", "hello from the fake"], (await Host.Store.AllMessagesAsync(session, Ct)).Select(m => m.Content));
    }

    [Fact]
    public async Task Stream_ClientLeavesMidAnswer_TheConversationTakesTheNextQuestion()
    {
        Host.Ollama.Enqueue(FakeReply.Stall());
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/chat/stream") { Content = JsonContent.Create(new { message = "first" }) };
        var response = await Api.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, Ct);
        var id = Assert.Single(await Host.Store.ListAsync(10, Ct)).Id;
        await Eventually.TrueAsync(() => Task.FromResult(Host.Ollama.ChatRequests == 1), "the stalled request");

        response.Dispose();

        await Eventually.TrueAsync(
            async () => (await Api.PostAsJsonAsync("/api/v1/chat", new { message = "next", session_id = id }, Ct)).IsSuccessStatusCode,
            "the conversation to take the next question");
        var stored = await Host.Store.AllMessagesAsync(id, Ct);
        Assert.Equal([ConversationRoles.User, ConversationRoles.Assistant, ConversationRoles.User, ConversationRoles.Assistant], stored.Select(m => m.Role));
        Assert.True(stored[1].Stopped);
    }

    [Fact]
    public async Task Stream_TokensPause_TheTextSoFarArrivesAsMarkdown()
    {
        Host.Ollama.Default = FakeReply.DropAfter(2, "Stack **sats** quietly"); // two tokens, then holds the request open
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/chat/stream") { Content = JsonContent.Create(new { message = "how?" }) };
        using var response = await Api.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, Ct);
        string? html = null;

        await foreach (var item in SseParser.Create(await response.Content.ReadAsStreamAsync(Ct)).EnumerateAsync(Ct))
        {
            if (item.EventType == "markdown" && Json(item).GetProperty("html").GetString()!.Contains("<strong>", StringComparison.Ordinal))
            {
                html = Json(item).GetProperty("html").GetString();
                break;
            }
        }
        Host.Ollama.ReleaseDrop.TrySetResult();

        Assert.Equal("<p>Stack <strong>sats</strong></p>\n", html);
    }

    [Fact]
    public async Task Stream_SessionId_ContinuesTheConversation()
    {
        var first = await EventsAsync(await StreamAsync(new { message = "first" }));
        var session = Json(first[0]).GetProperty("session_id").GetString();

        var second = await EventsAsync(await StreamAsync(new { message = "second", session_id = session }));

        Assert.Equal(session, Json(second[^1]).GetProperty("session_id").GetString());
        Assert.Equal(4, (await Host.Store.GetAsync(session!, Ct))!.MessageCount);
    }

    [Fact]
    public async Task Stream_EmptyMessage_Returns400ProblemNotAStream()
    {
        var response = await StreamAsync(new { message = " " });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Empty(await Host.Store.ListAsync(10, Ct));
    }
}
