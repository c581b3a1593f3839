using System.Text.Json;
using Dapper;
using Timmy.Core.Events;
using Timmy.Core.Storage;

namespace Timmy.Core.Chat;

/// <summary>The chat tables (migration M0004) in SQLite, through Dapper. A change that is logged appends its
/// event in the change's own transaction.</summary>
public sealed class SqliteConversationStore(IDbConnectionFactory connections, IEventLog events, TimeProvider time) : IConversationStore
{
    public const int MaxTitleLength = 80;

    private const string ConversationColumns = """
        c.id AS Id, c.title AS Title, c.created_at AS CreatedAt, c.updated_at AS UpdatedAt,
        (SELECT COUNT(*) FROM messages m WHERE m.conversation_id = c.id) AS MessageCount
        """;

    private const string MessageColumns = """
        id AS Id, conversation_id AS ConversationId, role AS Role, content AS Content, provider AS Provider, model AS Model,
        fallback_used AS FallbackUsed, latency_ms AS LatencyMs, created_at AS CreatedAt, remembered AS Remembered
        """;

    public async Task<Conversation> CreateAsync(string title, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var id = Guid.CreateVersion7(now).ToString();
        await using var connection = await connections.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO conversations (id, title, created_at, updated_at) VALUES (@id, @title, @now, @now)",
            new { id, title = TitleFrom(title), now = Timestamps.Format(now) }, cancellationToken: cancellationToken));
        return new Conversation(id, TitleFrom(title), now, now, 0);
    }

    public async Task<Conversation?> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<ConversationRow>(new CommandDefinition(
            $"SELECT {ConversationColumns} FROM conversations c WHERE c.id = @id", new { id }, cancellationToken: cancellationToken));
        return row?.ToConversation();
    }

    public async Task<IReadOnlyList<Conversation>> ListAsync(int limit, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<ConversationRow>(new CommandDefinition(
            $"SELECT {ConversationColumns} FROM conversations c ORDER BY c.updated_at DESC, c.id DESC LIMIT @limit",
            new { limit }, cancellationToken: cancellationToken));
        return rows.Select(r => r.ToConversation()).ToList();
    }

    public async Task<MessagePage> MessagesAsync(string conversationId, int limit, long? beforeId = null, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        await using var connection = await connections.OpenAsync(cancellationToken);
        // One row more than asked says whether older ones exist. A plain "id < cursor" (no "cursor IS NULL OR")
        // keeps this a range read of ix_messages_conversation, however deep the page.
        var rows = (await connection.QueryAsync<MessageRow>(new CommandDefinition($"""
            SELECT {MessageColumns} FROM messages WHERE conversation_id = @conversationId AND id < @before
            ORDER BY id DESC LIMIT @take
            """, new { conversationId, before = beforeId ?? long.MaxValue, take = limit + 1 }, cancellationToken: cancellationToken))).ToList();
        var page = rows.Take(limit).Select(r => r.ToMessage()).Reverse().ToList();
        return new MessagePage(page, rows.Count > limit);
    }

    public Task<ConversationMessage> AddMessageAsync(NewConversationMessage message, CancellationToken cancellationToken = default) =>
        AddMessageAsync(message, null, cancellationToken);

    public async Task<ConversationMessage> AddMessageAsync(
        NewConversationMessage message, Func<ConversationMessage, EventDraft>? logged, CancellationToken cancellationToken = default)
    {
        var now = Timestamps.Format(time.GetUtcNow());
        await using var transaction = await connections.BeginWriteAsync(cancellationToken: cancellationToken);
        var touched = await transaction.Connection.ExecuteAsync(new CommandDefinition("""
            UPDATE conversations SET updated_at = @now,
                title = CASE WHEN title = '' AND @role = 'user' THEN @title ELSE title END
            WHERE id = @id
            """, new { now, id = message.ConversationId, role = message.Role, title = TitleFrom(message.Content) }, transaction.Transaction,
            cancellationToken: cancellationToken));
        if (touched == 0)
        {
            throw new ConversationNotFoundException(message.ConversationId);
        }
        var row = await transaction.Connection.QuerySingleAsync<MessageRow>(new CommandDefinition($"""
            INSERT INTO messages (conversation_id, role, content, provider, model, fallback_used, latency_ms, created_at, remembered)
            VALUES (@ConversationId, @Role, @Content, @Provider, @Model, @FallbackUsed, @LatencyMs, @now, @remembered)
            RETURNING {MessageColumns}
            """, new
        {
            message.ConversationId, message.Role, message.Content, message.Provider, message.Model,
            FallbackUsed = message.FallbackUsed ? 1 : 0, message.LatencyMs, now,
            remembered = message.Remembered.Count == 0 ? null : JsonSerializer.Serialize(message.Remembered, RememberedJson),
        }, transaction.Transaction, cancellationToken: cancellationToken));
        var stored = row.ToMessage();
        if (logged is not null)
        {
            await events.AppendAsync(transaction, logged(stored), cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        return stored;
    }

    public async Task<bool> ClearAsync(string id, EventDraft logged, CancellationToken cancellationToken = default)
    {
        await using var transaction = await connections.BeginWriteAsync(cancellationToken: cancellationToken);
        var touched = await transaction.Connection.ExecuteAsync(new CommandDefinition(
            "UPDATE conversations SET title = '', updated_at = @now WHERE id = @id",
            new { id, now = Timestamps.Format(time.GetUtcNow()) }, transaction.Transaction, cancellationToken: cancellationToken));
        if (touched == 0)
        {
            return false;
        }
        await transaction.Connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM messages WHERE conversation_id = @id", new { id }, transaction.Transaction, cancellationToken: cancellationToken));
        return await CommitLoggedAsync(transaction, logged, cancellationToken);
    }

    public async Task<bool> DeleteAsync(string id, EventDraft logged, CancellationToken cancellationToken = default)
    {
        await using var transaction = await connections.BeginWriteAsync(cancellationToken: cancellationToken);
        var deleted = await transaction.Connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM conversations WHERE id = @id", new { id }, transaction.Transaction, cancellationToken: cancellationToken));
        return deleted > 0 && await CommitLoggedAsync(transaction, logged, cancellationToken);
    }

    private async Task<bool> CommitLoggedAsync(WriteTransaction transaction, EventDraft logged, CancellationToken cancellationToken)
    {
        await events.AppendAsync(transaction, logged, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>The first line of a message, shortened to <see cref="MaxTitleLength"/> characters.</summary>
    public static string TitleFrom(string text)
    {
        var line = text.Trim().Split('\n', 2)[0].Trim();
        return line.Length <= MaxTitleLength ? line : line[..(MaxTitleLength - 1)].TrimEnd() + "…";
    }

    // Settable properties rather than a positional record: the count is an expression column, whose type
    // SQLite reports as BLOB when the result has no rows, and Dapper matches constructors by exact type.
    private sealed class ConversationRow
    {
        public string Id { get; init; } = "";
        public string Title { get; init; } = "";
        public string CreatedAt { get; init; } = "";
        public string UpdatedAt { get; init; } = "";
        public long MessageCount { get; init; }

        public Conversation ToConversation() =>
            new(Id, Title, Timestamps.Parse(CreatedAt), Timestamps.Parse(UpdatedAt), (int)MessageCount);
    }

    private static readonly JsonSerializerOptions RememberedJson = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    private sealed record MessageRow(
        long Id, string ConversationId, string Role, string Content, string? Provider, string? Model, long FallbackUsed, double? LatencyMs,
        string CreatedAt, string? Remembered)
    {
        public ConversationMessage ToMessage() =>
            new(Id, ConversationId, Role, Content, Provider, Model, FallbackUsed != 0, LatencyMs, Timestamps.Parse(CreatedAt))
            {
                Remembered = Remembered is null ? [] : JsonSerializer.Deserialize<RememberedEntry[]>(Remembered, RememberedJson) ?? [],
            };
    }
}
