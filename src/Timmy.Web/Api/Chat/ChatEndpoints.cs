using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using Timmy.Core.Chat;
using Timmy.Core.Security;
using Timmy.Web.Auth;
using Timmy.Web.Components.Chat;
using static Timmy.Web.Api.JsonBody;
using FromQueryAttribute = Microsoft.AspNetCore.Mvc.FromQueryAttribute;

namespace Timmy.Web.Api.Chat;

/// <summary>Talking to Timmy: <c>/api/v1/chat</c> (one answer, or server-sent events) and the conversations.</summary>
public static class ChatEndpoints
{
    public const int MaxListLimit = 200;

    public static IEndpointRouteBuilder MapChatEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/chat").WithTags("Chat").RequireScope(ApiScopes.Chat);
        group.MapPost("/", AskAsync).RequireChatAllowance()
            .WithName("Chat").WithSummary("Ask Timmy; the answer names the provider, model, latency and whether a fallback answered");
        group.MapPost("/stream", StreamAsync).RequireChatAllowance()
            .WithName("ChatStream").WithSummary("Ask Timmy; the answer streams as server-sent events: token…, then done or error");
        group.MapGet("/conversations", ListAsync).WithName("ListConversations").WithSummary("Conversations, most recent first");
        group.MapPost("/conversations", CreateAsync).WithName("CreateConversation").WithSummary("Start a new, empty conversation");
        group.MapGet("/conversations/{id}", GetAsync).WithName("GetConversation")
            .WithSummary("One conversation with a page of its messages, oldest first: the newest `limit`, or those before `before_id`");
        group.MapPost("/conversations/{id}/clear", ClearAsync).WithName("ClearConversation").WithSummary("Delete a conversation's messages, keep it");
        group.MapDelete("/conversations/{id}", DeleteAsync).WithName("DeleteConversation").WithSummary("Delete a conversation and its messages");
        return app;
    }

    private static async Task<Results<Ok<ChatReply>, ValidationProblem, ProblemHttpResult>> AskAsync(
        HttpRequest request, TimmyAgent agent, CancellationToken ct)
    {
        var (turn, invalid, busy) = await BeginAsync(request, agent, ct);
        if (turn is null)
        {
            return invalid is not null ? invalid : busy!;
        }
        ChatAnswer answer;
        try
        {
            answer = await agent.AnswerAsync(turn, ct);
        }
        catch (ConversationDeletedException ex)
        {
            return Conflict(ConversationDeletedException.Headline, ConversationDeletedException.Advice, ex.ConversationId);
        }
        var m = answer.Message;
        if (!answer.IsError)
        {
            return TypedResults.Ok(new ChatReply(m.Content, answer.ConversationId, m.Provider, m.Model, m.FallbackUsed, m.LatencyMs, m.Id));
        }
        return TypedResults.Problem(
            title: answer.NoProvider ? "No LLM provider is reachable" : "Timmy could not answer",
            detail: m.Content,
            statusCode: answer.NoProvider ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status502BadGateway,
            extensions: new Dictionary<string, object?>
            {
                ["session_id"] = answer.ConversationId,
                ["message_id"] = m.Id,
                ["reasons"] = answer.Attempts,
            });
    }

    private static async Task<Results<ServerSentEventsResult<string>, ValidationProblem, ProblemHttpResult>> StreamAsync(
        HttpRequest request, TimmyAgent agent, IOptions<JsonOptions> json, CancellationToken ct)
    {
        var (turn, invalid, busy) = await BeginAsync(request, agent, ct);
        if (turn is null)
        {
            return invalid is not null ? invalid : busy!;
        }
        // Streaming the answer closes the turn, but a client that leaves before the stream starts never runs it.
        request.HttpContext.Response.RegisterForDispose(turn);
        return TypedResults.ServerSentEvents(Events(agent, turn, json.Value.SerializerOptions, ct));
    }

    /// <summary><c>token</c> events carry raw text (multi-line text uses several <c>data:</c> lines, as SSE
    /// specifies); <c>done</c> and <c>error</c> carry JSON. A conversation deleted while Timmy answers ends the
    /// stream with an <c>error</c> event that says so (and has no message id: nothing was stored).</summary>
    internal static async IAsyncEnumerable<SseItem<string>> Events(
        TimmyAgent agent, ChatTurn turn, JsonSerializerOptions json, [EnumeratorCancellation] CancellationToken ct)
    {
        yield return new SseItem<string>(JsonSerializer.Serialize(new { session_id = turn.Conversation.Id }, json), "start");
        await using var updates = agent.StreamAsync(turn, ct).GetAsyncEnumerator(ct);
        while (true)
        {
            StreamError? deleted = null;
            try
            {
                if (!await updates.MoveNextAsync())
                {
                    yield break;
                }
            }
            catch (ConversationDeletedException ex)
            {
                deleted = new StreamError(ex.ConversationId, null, ex.Message, ChatMarkdown.ToHtml(ex.Message), false, [], ConversationDeleted: true);
            }
            if (deleted is not null)
            {
                yield return new SseItem<string>(JsonSerializer.Serialize(deleted, json), "error");
                yield break;
            }
            yield return Event(updates.Current, json);
        }
    }

    private static SseItem<string> Event(ChatStreamUpdate update, JsonSerializerOptions json)
    {
        if (update.Text is { } text)
        {
            return new SseItem<string>(text, "token");
        }
        var answer = update.Answer!;
        var m = answer.Message;
        var html = ChatMarkdown.ToHtml(m.Content);
        return answer.IsError
            ? new SseItem<string>(JsonSerializer.Serialize(
                new StreamError(answer.ConversationId, m.Id, m.Content, html, answer.NoProvider, answer.Attempts), json), "error")
            : new SseItem<string>(JsonSerializer.Serialize(
                new StreamDone(answer.ConversationId, m.Id, m.Provider, m.Model, m.FallbackUsed, m.LatencyMs, html), json), "done");
    }

    /// <summary>Reads and checks the request, then stores the question. Either the turn, a 400, or a 409 while Timmy
    /// is still answering in the conversation.</summary>
    private static async Task<(ChatTurn? Turn, ValidationProblem? Invalid, ProblemHttpResult? Busy)> BeginAsync(
        HttpRequest request, TimmyAgent agent, CancellationToken ct)
    {
        var (body, invalid) = await JsonBody.ReadAsync<ChatRequest>(request, """{"message": "…", "session_id": "…" (optional)}""", ct);
        if (body is null)
        {
            return (null, invalid, null);
        }
        if (agent.Validate(body.Message) is { } problem)
        {
            return (null, Invalid("message", problem), null);
        }
        var sessionId = string.IsNullOrWhiteSpace(body.SessionId) ? null : body.SessionId.Trim();
        if (sessionId?.Length > 64)
        {
            return (null, Invalid("session_id", "'session_id' must be at most 64 characters."), null);
        }
        try
        {
            return (await agent.BeginAsync(sessionId, body.Message!, ct), null, null);
        }
        catch (ConversationNotFoundException ex)
        {
            return (null, Invalid("session_id", ex.Message + " Leave 'session_id' out to start a new conversation."), null);
        }
        catch (ConversationBusyException ex)
        {
            return (null, null, Conflict(ConversationBusyException.Headline, ex.Detail, ex.ConversationId));
        }
    }

    private static async Task<Results<Ok<IReadOnlyList<Conversation>>, ValidationProblem>> ListAsync(
        int? limit, IConversationStore store, CancellationToken ct)
    {
        var take = limit ?? 50;
        return take is < 1 or > MaxListLimit
            ? Invalid("limit", $"'limit' must be from 1 to {MaxListLimit}.")
            : TypedResults.Ok(await store.ListAsync(take, ct));
    }

    private static async Task<Created<Conversation>> CreateAsync(IConversationStore store, CancellationToken ct)
    {
        var conversation = await store.CreateAsync("", ct);
        return TypedResults.Created($"/api/v1/chat/conversations/{conversation.Id}", conversation);
    }

    private static async Task<Results<Ok<ConversationDetail>, ValidationProblem, ProblemHttpResult>> GetAsync(
        string id, string? limit, [FromQuery(Name = "before_id")] string? beforeId, IConversationStore store, CancellationToken ct)
    {
        var (query, errors) = MessagePageQuery.Parse(limit, beforeId);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        if (await store.GetAsync(id, ct) is not { } conversation)
        {
            return NotFound(id);
        }
        var page = await store.MessagesAsync(id, query.Limit, query.BeforeId, ct);
        return TypedResults.Ok(new ConversationDetail(conversation, page.Messages, page.HasOlder));
    }

    private static async Task<Results<Ok<Conversation>, ProblemHttpResult>> ClearAsync(
        string id, TimmyAgent agent, IConversationStore store, CancellationToken ct)
    {
        try
        {
            return await agent.ClearAsync(id, ct) && await store.GetAsync(id, ct) is { } conversation
                ? TypedResults.Ok(conversation)
                : NotFound(id);
        }
        catch (ConversationBusyException ex)
        {
            return Conflict(ConversationBusyException.Headline, ex.Detail, ex.ConversationId);
        }
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(string id, TimmyAgent agent, CancellationToken ct) =>
        await agent.DeleteAsync(id, ct) ? TypedResults.NoContent() : NotFound(id);

    /// <summary>A 409: the request was fine, but the conversation is busy or changed under it.</summary>
    private static ProblemHttpResult Conflict(string title, string detail, string conversationId) =>
        TypedResults.Problem(title: title, detail: detail, statusCode: StatusCodes.Status409Conflict,
            extensions: new Dictionary<string, object?> { ["session_id"] = conversationId });

    private static ProblemHttpResult NotFound(string id) =>
        TypedResults.Problem(title: "No such conversation", detail: $"There is no conversation with id '{id}'.", statusCode: StatusCodes.Status404NotFound);

}
