using Dapper;
using Microsoft.Extensions.Time.Testing;
using Timmy.Core.Chat;
using Timmy.Core.Events;
using Timmy.Tests.Infrastructure;

namespace Timmy.Tests.Chat;

public sealed class SqliteConversationStoreTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));
    private TestDatabase _db = null!;
    private SqliteConversationStore _store = null!;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static EventDraft Deleted => new(EventType.ChatConversationDeleted, "test");

    public async ValueTask InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync(_time);
        _store = new SqliteConversationStore(_db.Connections, _db.Events, _time);
    }

    public async ValueTask DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task Create_ThenGet_ReturnsEmptyUntitledConversation()
    {
        var created = await _store.CreateAsync("", Ct);

        var read = await _store.GetAsync(created.Id, Ct);

        Assert.NotNull(read);
        Assert.Equal(created.Id, read.Id);
        Assert.Equal("", read.Title);
        Assert.Equal("Untitled, " + _time.GetUtcNow().ToString("d MMM HH:mm", System.Globalization.CultureInfo.InvariantCulture), read.DisplayTitle);
        Assert.Equal(0, read.MessageCount);
        Assert.Equal(_time.GetUtcNow(), read.CreatedAt);
    }

    [Fact]
    public async Task Get_UnknownId_ReturnsNull()
    {
        Assert.Null(await _store.GetAsync("no-such-id", Ct));
    }

    [Fact]
    public async Task List_NoConversations_ReturnsEmpty()
    {
        Assert.Empty(await _store.ListAsync(10, Ct));
    }

    [Fact]
    public async Task List_MostRecentlyUpdatedFirst()
    {
        var first = await _store.CreateAsync("first", Ct);
        _time.Advance(TimeSpan.FromSeconds(1));
        var second = await _store.CreateAsync("second", Ct);
        _time.Advance(TimeSpan.FromSeconds(1));
        await _store.AddMessageAsync(new NewConversationMessage(first.Id, ConversationRoles.User, "bump"), Ct);

        var listed = await _store.ListAsync(10, Ct);

        Assert.Equal([first.Id, second.Id], listed.Select(c => c.Id));
        Assert.Equal(1, listed[0].MessageCount);
        Assert.Single(await _store.ListAsync(1, Ct));
    }

    [Fact]
    public async Task AddMessage_StoresTurnsInOrderWithTheirMetadata()
    {
        var conversation = await _store.CreateAsync("", Ct);

        await _store.AddMessageAsync(new NewConversationMessage(conversation.Id, ConversationRoles.User, "hi"), Ct);
        var answer = await _store.AddMessageAsync(new NewConversationMessage(
            conversation.Id, ConversationRoles.Assistant, "hello", "ollama", "llama3.2", FallbackUsed: true, LatencyMs: 12.5), Ct);
        await _store.AddMessageAsync(new NewConversationMessage(conversation.Id, ConversationRoles.Error, "cut off"), Ct);

        var messages = await _store.AllMessagesAsync(conversation.Id, Ct);
        Assert.Equal([ConversationRoles.User, ConversationRoles.Assistant, ConversationRoles.Error], messages.Select(m => m.Role));
        Assert.Equal(["hi", "hello", "cut off"], messages.Select(m => m.Content));
        Assert.Equal(answer, messages[1]);
        Assert.Equal(("ollama", "llama3.2", true, 12.5), (answer.Provider, answer.Model, answer.FallbackUsed, answer.LatencyMs));
        Assert.Null(messages[0].Provider);
        Assert.False(messages[0].FallbackUsed);
    }

    [Fact]
    public async Task Messages_Limit_ReturnsTheNewestOldestFirstAndWhetherOlderExist()
    {
        var conversation = await _store.CreateAsync("", Ct);
        for (var i = 0; i < 5; i++)
        {
            await _store.AddMessageAsync(new NewConversationMessage(conversation.Id, ConversationRoles.User, $"m{i}"), Ct);
        }

        var newest = await _store.MessagesAsync(conversation.Id, 2, cancellationToken: Ct);
        var before = await _store.MessagesAsync(conversation.Id, 2, newest.Messages[0].Id, Ct);
        var oldest = await _store.MessagesAsync(conversation.Id, 2, before.Messages[0].Id, Ct);

        Assert.Equal(["m3", "m4"], newest.Messages.Select(m => m.Content));
        Assert.Equal(["m1", "m2"], before.Messages.Select(m => m.Content));
        Assert.Equal(["m0"], oldest.Messages.Select(m => m.Content));
        Assert.Equal([true, true, false], new[] { newest.HasOlder, before.HasOlder, oldest.HasOlder });
        Assert.False((await _store.MessagesAsync(conversation.Id, 5, cancellationToken: Ct)).HasOlder);
    }

    [Fact]
    public async Task Messages_BeforeIdOfAnotherConversation_StaysInThisOne()
    {
        var conversation = await ConversationWithTurnsAsync();
        var later = await ConversationWithTurnsAsync();

        var page = await _store.MessagesAsync(conversation.Id, 10, long.MaxValue, Ct);

        Assert.Equal(["question", "answer"], page.Messages.Select(m => m.Content));
        Assert.All(page.Messages, m => Assert.Equal(conversation.Id, m.ConversationId));
        Assert.Empty((await _store.MessagesAsync(later.Id, 10, page.Messages[0].Id, Ct)).Messages);
        Assert.Empty((await _store.MessagesAsync("missing", 10, cancellationToken: Ct)).Messages);
    }

    [Fact]
    public async Task Messages_LimitBelowOne_Throws()
    {
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => _store.MessagesAsync("any", 0, cancellationToken: Ct));
    }

    [Fact]
    public async Task AddMessage_UnknownConversation_ThrowsAndStoresNothing()
    {
        var error = await Assert.ThrowsAsync<ConversationNotFoundException>(() =>
            _store.AddMessageAsync(new NewConversationMessage("missing", ConversationRoles.User, "hi"), Ct));

        Assert.Equal("missing", error.ConversationId);
        Assert.Equal(0, await CountMessagesAsync(null));
    }

    [Fact]
    public async Task AddMessage_FirstUserMessage_NamesTheConversationOnce()
    {
        var conversation = await _store.CreateAsync("", Ct);

        await _store.AddMessageAsync(new NewConversationMessage(conversation.Id, ConversationRoles.Assistant, "not a title"), Ct);
        await _store.AddMessageAsync(new NewConversationMessage(conversation.Id, ConversationRoles.User, "  What is a sat?\nAnd more  "), Ct);
        await _store.AddMessageAsync(new NewConversationMessage(conversation.Id, ConversationRoles.User, "second question"), Ct);

        Assert.Equal("What is a sat?", (await _store.GetAsync(conversation.Id, Ct))!.Title);
    }

    [Fact]
    public void TitleFrom_LongLine_IsCutToMaxLengthWithEllipsis()
    {
        var title = SqliteConversationStore.TitleFrom(new string('a', 200));

        Assert.Equal(SqliteConversationStore.MaxTitleLength, title.Length);
        Assert.EndsWith("…", title);
        Assert.Equal("short", SqliteConversationStore.TitleFrom("short"));
    }

    [Fact]
    public async Task Clear_DeletesMessagesKeepsConversationUntitled()
    {
        var conversation = await ConversationWithTurnsAsync();

        Assert.True(await _store.ClearAsync(conversation.Id, new EventDraft(EventType.ChatConversationCleared, "test"), Ct));

        var cleared = await _store.GetAsync(conversation.Id, Ct);
        Assert.NotNull(cleared);
        Assert.Equal("", cleared.Title);
        Assert.Equal(0, cleared.MessageCount);
        Assert.Empty(await _store.AllMessagesAsync(conversation.Id, Ct));
        Assert.Equal([EventType.ChatConversationCleared], await LoggedTypesAsync());
    }

    [Fact]
    public async Task Clear_Missing_ReturnsFalseAndLogsNothing()
    {
        Assert.False(await _store.ClearAsync("missing", new EventDraft(EventType.ChatConversationCleared, "test"), Ct));

        Assert.Empty(await LoggedTypesAsync());
    }

    [Fact]
    public async Task Delete_RemovesConversationAndItsMessages()
    {
        var conversation = await ConversationWithTurnsAsync();
        var other = await ConversationWithTurnsAsync();

        Assert.True(await _store.DeleteAsync(conversation.Id, Deleted, Ct));

        Assert.Null(await _store.GetAsync(conversation.Id, Ct));
        Assert.Equal(0, await CountMessagesAsync(conversation.Id));
        Assert.Equal(2, await CountMessagesAsync(other.Id));
        Assert.False(await _store.DeleteAsync(conversation.Id, Deleted, Ct));
        Assert.Equal([EventType.ChatConversationDeleted], await LoggedTypesAsync());
    }

    [Fact]
    public async Task AddMessage_WithEvent_StoresBothWithTheStoredMessagesId()
    {
        var conversation = await _store.CreateAsync("", Ct);

        var message = await _store.AddMessageAsync(new NewConversationMessage(conversation.Id, ConversationRoles.Assistant, "answer"),
            stored => new EventDraft(EventType.ChatAnswered, "test", new { message_id = stored.Id }), Ct);

        var logged = Assert.Single(await _db.StoredEventsAsync());
        Assert.Equal(message.Id, logged.Data.GetProperty("message_id").GetInt64());
    }

    [Fact]
    public async Task AddMessage_EventRefused_StoresNeither()
    {
        var conversation = await _store.CreateAsync("", Ct);

        await Assert.ThrowsAsync<ArgumentException>(() => _store.AddMessageAsync(
            new NewConversationMessage(conversation.Id, ConversationRoles.Assistant, "answer"), _ => new EventDraft("chat.typo", "test"), Ct));

        Assert.Empty(await _store.AllMessagesAsync(conversation.Id, Ct));
        Assert.Empty(await LoggedTypesAsync());
    }

    [Fact]
    public async Task History_SurvivesRestart()
    {
        var conversation = await ConversationWithTurnsAsync();

        var restarted = new SqliteConversationStore(new Timmy.Core.Storage.SqliteConnectionFactory(_db.Options), _db.Events, _time);

        Assert.Equal("question", (await restarted.GetAsync(conversation.Id, Ct))!.Title);
        Assert.Equal(["question", "answer"], (await restarted.AllMessagesAsync(conversation.Id, Ct)).Select(m => m.Content));
    }

    private async Task<Conversation> ConversationWithTurnsAsync()
    {
        var conversation = await _store.CreateAsync("", Ct);
        await _store.AddMessageAsync(new NewConversationMessage(conversation.Id, ConversationRoles.User, "question"), Ct);
        await _store.AddMessageAsync(new NewConversationMessage(conversation.Id, ConversationRoles.Assistant, "answer", "ollama", "llama3.2"), Ct);
        return conversation;
    }

    private async Task<IReadOnlyList<string>> LoggedTypesAsync() => (await _db.StoredEventsAsync()).Select(e => e.EventType).ToList();

    /// <summary>Rows in the messages table itself (all of them when <paramref name="conversationId"/> is null).</summary>
    private async Task<long> CountMessagesAsync(string? conversationId)
    {
        await using var connection = await _db.Connections.OpenAsync(Ct);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COUNT(*) FROM messages WHERE @conversationId IS NULL OR conversation_id = @conversationId",
            new { conversationId }, cancellationToken: Ct));
    }
}
