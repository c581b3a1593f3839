using System.Text.Json;
using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Timmy.Core.Chat;
using Timmy.Core.Memory.Facts;

namespace Timmy.Core.Memory.Chat;

/// <summary>
/// Timmy's chat and the memory. Recall: the entries most relevant to a question, from outside its own conversation,
/// packed by <see cref="MemoryService.ContextAsync"/> for the prompt. Remember: each finished turn is queued and, off the
/// answer's path, stored as two conversation entries (the owner's question and Timmy's answer, session = the
/// conversation) and mined for the facts the owner states (<see cref="OwnerFacts"/>: through the router when
/// <see cref="MemoryOptions.LearnFactsWithModel"/>, by the careful rules otherwise). Turns still queued at shutdown are
/// written before the host stops.
/// </summary>
public sealed class ChatMemory(MemoryService memory, OwnerFacts facts, IOptions<MemoryOptions> options, ILogger<ChatMemory> logger)
    : BackgroundService, IChatMemory
{
    public const string Source = "chat";
    public const int PreviewLength = 100;

    private readonly Channel<(ConversationMessage Question, ConversationMessage? Answer)> _queue =
        Channel.CreateUnbounded<(ConversationMessage, ConversationMessage?)>(new UnboundedChannelOptions { SingleReader = true });

    public async Task<ChatRecall> RecallAsync(string conversationId, string question, int maxTokens, CancellationToken cancellationToken = default)
    {
        var budget = Math.Min(maxTokens, options.Value.ContextTokens);
        if (!options.Value.ChatMemory || budget < 1 || string.IsNullOrWhiteSpace(question))
        {
            return ChatRecall.None;
        }
        var query = question.Length <= MemorySearchQuery.MaxTextLength ? question : question[..MemorySearchQuery.MaxTextLength];
        var context = await memory.ContextAsync(query, budget, MemoryViewer.Owner, new MemoryFilter { ExcludeSessionId = conversationId }, cancellationToken);
        return context.Entries.Count == 0
            ? ChatRecall.None
            : new ChatRecall(context.Text, context.Tokens, context.Entries.Select(h => new RememberedEntry(
                h.Entry.Id, h.Entry.ContextType, h.Entry.Source, Preview(h.Entry.Content))).ToList());
    }

    public void Remember(ConversationMessage question, ConversationMessage? answer)
    {
        if (options.Value.ChatMemory)
        {
            _queue.Writer.TryWrite((question, answer));
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Not stoppingToken: what was queued is written; StopAsync ends the queue instead.
        await foreach (var (question, answer) in _queue.Reader.ReadAllAsync(CancellationToken.None))
        {
            await StoreTurnAsync(question, answer);
            await LearnFactsAsync(question);
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        _queue.Writer.TryComplete();
        if (ExecuteTask is { } running)
        {
            await running.WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
        await base.StopAsync(cancellationToken);
    }

    private async Task StoreTurnAsync(ConversationMessage question, ConversationMessage? answer)
    {
        var turns = new List<NewMemory> { Turn(question) };
        if (answer is { Content.Length: > 0 })
        {
            turns.Add(Turn(answer));
        }
        try
        {
            await memory.StoreAllAsync(turns, CancellationToken.None);
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Could not remember turn {MessageId} of conversation {ConversationId}", question.Id, question.ConversationId);
        }
    }

    private async Task LearnFactsAsync(ConversationMessage question)
    {
        try
        {
            await facts.LearnFromAsync(question.Content, question.ConversationId, options.Value.LearnFactsWithModel, CancellationToken.None);
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Could not learn facts from message {MessageId}", question.Id);
        }
    }

    private NewMemory Turn(ConversationMessage message)
    {
        var max = options.Value.MaxContentLength;
        var content = message.Content.Trim();
        return new NewMemory(content.Length <= max ? content : content[..max], MemoryContextTypes.Conversation, Source)
        {
            SessionId = message.ConversationId,
            Metadata = JsonSerializer.Serialize(new { role = message.Role, message_id = message.Id }),
        };
    }

    private static string Preview(string content)
    {
        var line = content.ReplaceLineEndings(" ").Trim();
        return line.Length <= PreviewLength ? line : line[..(PreviewLength - 1)].TrimEnd() + "…";
    }
}
