using System.Text.Json;
using Microsoft.Extensions.AI;
using Timmy.Core.Router;

namespace Timmy.Web.Api.OpenAiGateway;

/// <summary>A streamed completion as OpenAI's server-sent events: <c>data: {chunk}</c> per update, a last chunk with
/// the finish reason (and usage when asked), then <c>data: [DONE]</c>. The first update is awaited before anything
/// is written, so a cascade with no provider still answers 503 in OpenAI's error shape; a provider that fails
/// after that ends the stream with an error event instead of <c>[DONE]</c>.</summary>
public static class GatewayStream
{
    public sealed record Header(string Id, long Created, string Model);

    public static async Task<IResult> StartAsync(
        HttpContext context, IChatClient router, IReadOnlyList<ChatMessage> messages, ChatOptions options, Header header,
        bool includeUsage, CancellationToken ct)
    {
        var updates = router.GetStreamingResponseAsync(messages, options, ct).GetAsyncEnumerator(ct);
        try
        {
            try
            {
                if (!await updates.MoveNextAsync())
                {
                    return OpenAiErrors.NoProvider("The provider ended the stream without an answer.");
                }
            }
            catch (NoProviderAvailableException ex)
            {
                return OpenAiErrors.NoProvider(ex.Message);
            }
            context.Response.ContentType = "text/event-stream";
            context.Response.Headers.CacheControl = "no-cache";
            await WriteAllAsync(context.Response, updates, header, includeUsage, ct);
            return Results.Empty;
        }
        finally
        {
            await updates.DisposeAsync();
        }
    }

    private static async Task WriteAllAsync(
        HttpResponse response, IAsyncEnumerator<ChatResponseUpdate> updates, Header header, bool includeUsage, CancellationToken ct)
    {
        var model = updates.Current.Routing()?.Model ?? updates.Current.ModelId ?? header.Model;
        var toolCalls = 0;
        ChatFinishReason? finish = null;
        UsageDetails? usage = null;
        await WriteAsync(response, Chunk(header, model, new ChatCompletionDelta(Role: "assistant"), null), ct);
        try
        {
            do
            {
                var update = updates.Current;
                finish = update.FinishReason ?? finish;
                foreach (var content in update.Contents)
                {
                    switch (content)
                    {
                        case TextContent { Text.Length: > 0 } text:
                            await WriteAsync(response, Chunk(header, model, new ChatCompletionDelta(Content: text.Text), null), ct);
                            break;
                        case FunctionCallContent call:
                            var delta = new ChatCompletionDelta(ToolCalls: [ChatCompletionMapping.ToToolCall(call, toolCalls++)]);
                            await WriteAsync(response, Chunk(header, model, delta, null), ct);
                            break;
                        case UsageContent used:
                            usage = used.Details;
                            break;
                    }
                }
            }
            while (await updates.MoveNextAsync());
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            await WriteAsync(response, OpenAiErrors.Body(ex.Message, "provider_error", code: "stream_interrupted"), ct);
            return;
        }
        await WriteAsync(response, Chunk(header, model, new ChatCompletionDelta(), ChatCompletionMapping.FinishReason(finish, toolCalls > 0)), ct);
        if (includeUsage)
        {
            var totals = new ChatCompletionUsage(usage?.InputTokenCount ?? 0, usage?.OutputTokenCount ?? 0,
                usage?.TotalTokenCount ?? (usage?.InputTokenCount ?? 0) + (usage?.OutputTokenCount ?? 0));
            await WriteAsync(response, new ChatCompletionChunk(header.Id, "chat.completion.chunk", header.Created, model, [], totals), ct);
        }
        await response.WriteAsync("data: [DONE]\n\n", ct);
        await response.Body.FlushAsync(ct);
    }

    private static ChatCompletionChunk Chunk(Header header, string model, ChatCompletionDelta delta, string? finishReason) =>
        new(header.Id, "chat.completion.chunk", header.Created, model, [new ChatCompletionChunkChoice(0, delta, finishReason)]);

    private static async Task WriteAsync<T>(HttpResponse response, T payload, CancellationToken ct)
    {
        await response.WriteAsync("data: " + JsonSerializer.Serialize(payload, OpenAiJson.Options) + "\n\n", ct);
        await response.Body.FlushAsync(ct);
    }
}
