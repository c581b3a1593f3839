using System.ComponentModel.DataAnnotations;
using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using Timmy.Core.Chat;
using Timmy.Core.Security;
using Timmy.Web.Auth;
using Timmy.Web.Components.Chat;
using FromBodyAttribute = Microsoft.AspNetCore.Mvc.FromBodyAttribute;
using FromQueryAttribute = Microsoft.AspNetCore.Mvc.FromQueryAttribute;

namespace Timmy.Web.Api.Chat;

/// <summary>Talking to Timmy: <c>/api/v1/chat</c> (one answer, or server-sent events) and the conversations.</summary>
public static class ChatEndpoints
{
    public const int MaxListLimit = 200;

    public static IEndpointRouteBuilder MapChatEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/chat").WithTags("Chat").RequireScope(ApiScopes.Chat);
        group.MapPost("/", AskAsync).WithName("Chat").ProducesQuestionRefusals()
            .WithSummary("Ask Timmy; the answer names the provider, model, latency and whether a fallback answered");
        group.MapPost("/stream", StreamAsync).WithName("ChatStream").ProducesQuestionRefusals()
            .WithSummary("Ask Timmy; the answer streams as server-sent events: token…, then done or error");
        group.MapGet("/conversations", ListAsync).WithName("ListConversations").WithSummary("Conversations, most recent first");
        group.MapPost("/conversations", CreateAsync).WithName("CreateConversation").WithSummary("Start a new, empty conversation");
        group.MapGet("/conversations/{id}", GetAsync).WithName("GetConversation").ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("One conversation with a page of its messages, oldest first: the newest `limit`, or those before `before_id`");
        group.MapPost("/conversations/{id}/clear", ClearAsync).WithName("ClearConversation")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Delete a conversation's messages, keep it");
        group.MapDelete("/conversations/{id}", DeleteAsync).WithName("DeleteConversation").ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Delete a conversation and its messages");
        return app;
    }

    private static async Task<Results<Ok<ChatReply>, ProblemHttpResult>> AskAsync(
        [FromBody] ChatRequest body, ChatFlow chat, HttpContext context, CancellationToken ct)
    {
        var answer = await chat.AskAsync(body.SessionId, body.Message, ChatRateLimiter.CallerOf(context), ct);
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

    private static async Task<ServerSentEventsResult<string>> StreamAsync(
        [FromBody] ChatRequest body, ChatFlow chat, ConversationService conversations, ChatTurnHtml turns, HttpContext context,
        IOptions<JsonOptions> json, TimeProvider time, CancellationToken ct)
    {
        var turn = await chat.BeginAsync(body.SessionId, body.Message, ChatRateLimiter.CallerOf(context), ct);
        // Streaming the answer closes the turn, but a client that leaves before the stream starts never runs it.
        context.Response.RegisterForDispose(turn);
        // Read again: the question just stored gave a new conversation its title.
        var listed = await conversations.FindAsync(turn.Conversation.Id, ct) ?? turn.Conversation;
        var start = new SseItem<string>(JsonSerializer.Serialize(
            new { session_id = listed.Id, conversation_html = await turns.RenderLinkAsync(listed) }, json.Value.SerializerOptions), "start");
        return TypedResults.ServerSentEvents(Events(chat, turns, turn, start, json.Value.SerializerOptions, time, ct));
    }

    /// <summary><c>start</c> carries the conversation's id and its list entry as the panel draws it;
    /// <c>token</c> events carry raw text (multi-line text uses several <c>data:</c> lines, as SSE
    /// specifies); <c>markdown</c> events carry the answer so far as sanitised HTML (<see cref="ChatMarkdown"/>), at most
    /// every <see cref="MarkdownInterval"/> and once the tokens pause; <c>done</c> and <c>error</c> carry JSON. A
    /// conversation deleted while Timmy answers ends the stream with an <c>error</c> event that says so (and has no
    /// message id: nothing was stored).</summary>
    internal static async IAsyncEnumerable<SseItem<string>> Events(
        ChatFlow chat, ChatTurnHtml turns, ChatTurn turn, SseItem<string> start, JsonSerializerOptions json, TimeProvider time,
        [EnumeratorCancellation] CancellationToken ct)
    {
        yield return start;
        var text = new StringBuilder();
        var rendered = 0;
        long? renderedAt = null;
        TimeSpan SinceRendered() => renderedAt is { } at ? time.GetElapsedTime(at) : TimeSpan.MaxValue;
        await using var updates = chat.StreamAsync(turn, ct).GetAsyncEnumerator(ct);
        while (true)
        {
            var next = updates.MoveNextAsync().AsTask();
            if (rendered < text.Length && !next.IsCompleted)
            {
                // Tokens arrived since the last render and the stream paused: draw them now rather than at the next token.
                var wait = SinceRendered() >= MarkdownInterval ? TimeSpan.Zero : MarkdownInterval - SinceRendered();
                if (wait <= TimeSpan.Zero || await Task.WhenAny(next, Task.Delay(wait, time, CancellationToken.None)) != next)
                {
                    (rendered, renderedAt) = (text.Length, time.GetTimestamp());
                    yield return Markdown(text, json);
                }
            }
            StreamError? deleted = null;
            try
            {
                if (!await next)
                {
                    yield break;
                }
            }
            catch (ConversationDeletedException ex)
            {
                deleted = new StreamError(ex.ConversationId, null, ex.Message, ChatMarkdown.ToHtml(ex.Message), false, [],
                    await turns.RenderAsync(ChatMessageView.Unsaved(ConversationRoles.Error, ex.Message)), ConversationDeleted: true);
            }
            if (deleted is not null)
            {
                yield return new SseItem<string>(JsonSerializer.Serialize(deleted, json), "error");
                yield break;
            }
            yield return await EventAsync(updates.Current, turns, json);
            if (updates.Current.Text is { } piece)
            {
                text.Append(piece);
                if (SinceRendered() >= MarkdownInterval)
                {
                    (rendered, renderedAt) = (text.Length, time.GetTimestamp());
                    yield return Markdown(text, json);
                }
            }
            else
            {
                // The finished turn (done or error) carries its own rendering: nothing more to draw.
                rendered = text.Length;
            }
        }
    }

    /// <summary>How often a streaming answer is drawn as Markdown: the whole text so far is rendered each time.</summary>
    public static readonly TimeSpan MarkdownInterval = TimeSpan.FromMilliseconds(100);

    private static SseItem<string> Markdown(StringBuilder text, JsonSerializerOptions json) =>
        new(JsonSerializer.Serialize(new StreamMarkdown(ChatMarkdown.ToHtml(text.ToString())), json), "markdown");

    private static async Task<SseItem<string>> EventAsync(ChatStreamUpdate update, ChatTurnHtml turns, JsonSerializerOptions json)
    {
        if (update.Text is { } text)
        {
            return new SseItem<string>(text, "token");
        }
        var answer = update.Answer!;
        var m = answer.Message;
        var html = ChatMarkdown.ToHtml(m.Content);
        var turnHtml = await turns.RenderAsync(m);
        return answer.IsError
            ? new SseItem<string>(JsonSerializer.Serialize(
                new StreamError(answer.ConversationId, m.Id, m.Content, html, answer.NoProvider, answer.Attempts, turnHtml), json), "error")
            : new SseItem<string>(JsonSerializer.Serialize(
                new StreamDone(answer.ConversationId, m.Id, m.Provider, m.Model, m.FallbackUsed, m.LatencyMs, html, turnHtml), json), "done");
    }

    private static async Task<Ok<IReadOnlyList<Conversation>>> ListAsync(
        [Range(1, MaxListLimit, ErrorMessage = "'limit' must be from {1} to {2}.")] int? limit, ConversationService conversations, CancellationToken ct) =>
        TypedResults.Ok(await conversations.ListAsync(limit ?? 50, ct));

    [TakesNoBody]
    private static async Task<Created<Conversation>> CreateAsync(ConversationService conversations, CancellationToken ct)
    {
        var conversation = await conversations.CreateAsync(ct);
        return TypedResults.Created($"/api/v1/chat/conversations/{conversation.Id}", conversation);
    }

    private static async Task<Results<Ok<ConversationDetail>, ValidationProblem>> GetAsync(
        string id, string? limit, [FromQuery(Name = "before_id")] string? beforeId, ConversationService conversations, CancellationToken ct)
    {
        var (query, errors) = MessagePageQuery.Parse(limit, beforeId);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        var conversation = await conversations.FindAsync(id, ct) ?? throw new ConversationNotFoundException(id);
        var page = await conversations.MessagesAsync(id, query.Limit, query.BeforeId, ct);
        return TypedResults.Ok(new ConversationDetail(conversation, page.Messages, page.HasOlder));
    }

    [TakesNoBody]
    private static async Task<Ok<Conversation>> ClearAsync(string id, TimmyAgent agent, ConversationService conversations, CancellationToken ct) =>
        await agent.ClearAsync(id, ct) && await conversations.FindAsync(id, ct) is { } conversation
            ? TypedResults.Ok(conversation)
            : throw new ConversationNotFoundException(id);

    private static async Task<NoContent> DeleteAsync(string id, TimmyAgent agent, CancellationToken ct) =>
        await agent.DeleteAsync(id, ct) ? TypedResults.NoContent() : throw new ConversationNotFoundException(id);

    /// <summary>The refusals a question can meet before Timmy answers, for the OpenAPI document.</summary>
    private static RouteHandlerBuilder ProducesQuestionRefusals(this RouteHandlerBuilder route) =>
        route.ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
}
