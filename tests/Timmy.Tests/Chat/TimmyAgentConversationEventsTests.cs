using Timmy.Core.Chat;
using Timmy.Core.Events;

namespace Timmy.Tests.Chat;

/// <summary>Clearing and deleting a conversation through Timmy log the change with it, and only when there was one.</summary>
public sealed class TimmyAgentConversationEventsTests : LoopbackChatTests
{
    [Fact]
    public async Task Delete_Existing_LogsConversationDeleted()
    {
        var answer = await Agent.AskAsync(null, "hi", Ct);

        Assert.True(await Agent.DeleteAsync(answer.ConversationId, Ct));

        Assert.Null(await Store.GetAsync(answer.ConversationId, Ct));
        var deleted = Assert.Single(await Harness.EventsAsync(EventType.ChatConversationDeleted));
        Assert.Equal(answer.ConversationId, deleted.Data.GetProperty("conversation_id").GetString());
        Assert.Equal(TimmyAgent.EventSource, deleted.Source);
    }

    [Fact]
    public async Task Clear_Existing_LogsConversationCleared()
    {
        var answer = await Agent.AskAsync(null, "hi", Ct);

        Assert.True(await Agent.ClearAsync(answer.ConversationId, Ct));

        Assert.Empty(await TurnsAsync(answer.ConversationId));
        var cleared = Assert.Single(await Harness.EventsAsync(EventType.ChatConversationCleared));
        Assert.Equal(answer.ConversationId, cleared.Data.GetProperty("conversation_id").GetString());
    }

    [Fact]
    public async Task DeleteAndClear_Missing_ReturnFalseAndLogNothing()
    {
        Assert.False(await Agent.DeleteAsync("missing", Ct));
        Assert.False(await Agent.ClearAsync("missing", Ct));

        Assert.Empty(await Harness.EventsAsync(EventType.ChatConversationDeleted, atLeast: 0));
        Assert.Empty(await Harness.EventsAsync(EventType.ChatConversationCleared, atLeast: 0));
    }
}
