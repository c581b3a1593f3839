using System.Text.Json;
using Timmy.Core.Chat;
using Timmy.Core.Events;
using Timmy.Core.Memory;
using Timmy.Tests.Chat;
using Timmy.Tests.Infrastructure;
using Timmy.Tests.Router.Fakes;
using Timmy.Web.Components.Chat;

namespace Timmy.Tests.Memory.Chat;

/// <summary>Timmy's chat remembers: each turn becomes conversation memory, the facts the owner states become fact
/// entries (by the rules, or through the router), and what is remembered about a question joins the answer's prompt
/// and is shown with the answer as "remembered: …" with links.</summary>
public sealed class ChatMemoryTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ATurn_IsRemembered_AndAStatedFact_IsRecalledInAnotherConversation()
    {
        await using var host = await ChatWebHost.StartAsync();
        var timmy = host.Factory.Service<TimmyAgent>();
        var memory = host.Factory.Service<MemoryService>();

        var first = await timmy.AskAsync(null, "My name is Alex.", Ct);
        var fact = await WaitForFactAsync(memory, "Alex");
        Assert.Equal("The owner's name is Alex.", fact.Content);
        await Eventually.TrueAsync(async () => (await Turns(memory, first.ConversationId)).Count == 2, "both turns remembered");
        var turns = await Turns(memory, first.ConversationId);
        Assert.Equal(["hello from the fake", "My name is Alex."], turns.Select(t => t.Content));
        Assert.Equal("user", JsonDocument.Parse(turns[1].Metadata).RootElement.GetProperty("role").GetString());

        var second = await timmy.AskAsync(null, "What is my name again?", Ct);

        var system = (string)host.Ollama.Requests[^1]["messages"]![0]!["content"]!;
        Assert.Contains(MemoryContextBuilder.Heading, system);
        Assert.Contains("The owner's name is Alex.", system);
        Assert.DoesNotContain("What is my name again", system);
        var remembered = second.Message.Remembered;
        Assert.Contains(remembered, r => r.Id == fact.Id && r.ContextType == MemoryContextTypes.Fact);
        var stored = (await host.Store.MessagesAsync(second.ConversationId, 10, cancellationToken: Ct)).Messages[^1];
        Assert.Equal(remembered, stored.Remembered);
        var html = await ComponentHtml.RenderAsync<ChatMessageView>(new Dictionary<string, object?> { ["Message"] = stored });
        Assert.Contains("remembered:", html);
        Assert.Contains($"href=\"/memory/{fact.Id}\"", html);
        var answered = (await host.Factory.Service<EventReader>().QueryAsync(new EventQuery { Limit = 100 }, Ct)).Items
            .First(e => e.EventType == EventType.ChatAnswered);
        Assert.True(answered.Data.GetProperty("remembered").GetInt32() >= 1);
    }

    [Fact]
    public async Task WhatIsNotAFact_IsRememberedOnlyAsConversation()
    {
        await using var host = await ChatWebHost.StartAsync();
        var timmy = host.Factory.Service<TimmyAgent>();
        var memory = host.Factory.Service<MemoryService>();

        var answer = await timmy.AskAsync(null, "I'm tired today", Ct);

        await Eventually.TrueAsync(async () => (await Turns(memory, answer.ConversationId)).Count == 2, "both turns remembered");
        Assert.Empty((await memory.ListAsync(new MemoryFilter { ContextTypes = [MemoryContextTypes.Fact] }, MemoryViewer.Owner, null, 10, Ct)).Items);
    }

    [Fact]
    public async Task WithTheModel_FactsComeFromTheRouter()
    {
        await using var host = await ChatWebHost.StartAsync(("Timmy:Memory:LearnFactsWithModel", "true"));
        host.Ollama.Enqueue(
            FakeReply.Answer("Dark and strong it is."),
            FakeReply.Answer("""{"facts":[{"text":"The owner prefers dark roast coffee.","key":null}]}"""));
        var memory = host.Factory.Service<MemoryService>();

        await host.Factory.Service<TimmyAgent>().AskAsync(null, "I always drink my coffee dark and strong", Ct);

        var fact = await WaitForFactAsync(memory, "coffee");
        Assert.Equal("The owner prefers dark roast coffee.", fact.Content);
        Assert.Equal("model", JsonDocument.Parse(fact.Metadata).RootElement.GetProperty("learned_by").GetString());
    }

    [Fact]
    public async Task ANewerStatementOfAKeyedFact_ReplacesTheOlder()
    {
        await using var host = await ChatWebHost.StartAsync();
        var timmy = host.Factory.Service<TimmyAgent>();
        var memory = host.Factory.Service<MemoryService>();

        await timmy.AskAsync(null, "I live in Lisbon.", Ct);
        var before = await WaitForFactAsync(memory, "Lisbon");
        await timmy.AskAsync(null, "I live in Porto now.", Ct);
        await Eventually.TrueAsync(async () => (await memory.GetAsync(before.Id, MemoryViewer.Owner, Ct)).Content.Contains("Porto"), "the fact updated");

        var facts = (await memory.ListAsync(new MemoryFilter { ContextTypes = [MemoryContextTypes.Fact] }, MemoryViewer.Owner, null, 10, Ct)).Items;
        Assert.Equal(before.Id, Assert.Single(facts).Id);
    }

    [Fact]
    public async Task WithChatMemoryOff_NothingIsStoredOrRecalled()
    {
        await using var host = await ChatWebHost.StartAsync(("Timmy:Memory:ChatMemory", "false"));
        var memory = host.Factory.Service<MemoryService>();
        await memory.StoreAsync(new NewMemory("The owner's name is Alex.", MemoryContextTypes.Fact, "test"), Ct);

        var answer = await host.Factory.Service<TimmyAgent>().AskAsync(null, "My name is Sam. What is my name?", Ct);

        Assert.Empty(answer.Message.Remembered);
        Assert.DoesNotContain("Alex", (string)host.Ollama.Requests[^1]["messages"]![0]!["content"]!);
        Assert.Equal(1, (await memory.StatusAsync(Ct)).Stats.Total);
    }

    private static async Task<MemoryEntry> WaitForFactAsync(MemoryService memory, string word)
    {
        MemoryEntry? found = null;
        await Eventually.TrueAsync(async () =>
        {
            var facts = await memory.ListAsync(new MemoryFilter { ContextTypes = [MemoryContextTypes.Fact] }, MemoryViewer.Owner, null, 50, Ct);
            found = facts.Items.FirstOrDefault(f => f.Content.Contains(word, StringComparison.Ordinal));
            return found is not null;
        }, $"a fact about '{word}'");
        return found!;
    }

    private static async Task<IReadOnlyList<MemoryEntry>> Turns(MemoryService memory, string conversationId) =>
        (await memory.ListAsync(new MemoryFilter { SessionId = conversationId, ContextTypes = [MemoryContextTypes.Conversation] }, MemoryViewer.Owner, null, 10, Ct)).Items;
}
