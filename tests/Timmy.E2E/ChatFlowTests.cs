using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Timmy.E2E.Infrastructure;
using Timmy.Tests.Router.Fakes;

namespace Timmy.E2E;

/// <summary>Talking to Timmy on the home page, with the loopback Ollama fake as the provider.</summary>
public sealed class ChatFlowTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    /// <summary>The address once the page knows the conversation's id (it starts at <c>/?c=new</c>).</summary>
    private static readonly Regex StoredConversationUrl = new(@"/\?c=(?!new)[0-9a-f-]+$");

    [Fact]
    public async Task Ask_AnswerStreamsIn_WithProviderBadgeAndSafeMarkdown_AndSurvivesReload()
    {
        fixture.Ollama.Default = FakeReply.Answer("Stack **sats** <b>quietly</b> and keep your keys.");
        await using var context = await fixture.NewOwnerContextAsync();
        var (page, answer) = await AskOnANewPageAsync(context, "How should I save?");

        await Assertions.Expect(answer.Locator("[data-chat-meta] [data-provider]")).ToHaveTextAsync("ollama");
        await Assertions.Expect(answer.Locator(".chat-body strong")).ToHaveTextAsync("sats");
        await Assertions.Expect(answer.Locator(".chat-body")).ToContainTextAsync("<b>quietly</b>");
        Assert.Equal(0, await answer.Locator(".chat-body b").CountAsync());
        await Assertions.Expect(answer.Locator("[data-chat-meta]")).ToContainTextAsync("llama3.2");
        await Assertions.Expect(page.Locator(".chat-log .chat-user").Last).ToHaveTextAsync(new Regex("How should I save\\?"));
        await page.WaitForURLAsync(StoredConversationUrl);
        await Assertions.Expect(page.Locator(".chat-session-list a.active")).ToHaveTextAsync("How should I save?");
        await BrowserFixture.ScreenshotAsync(page, "chat-answer");

        // The page renders the stored conversation the same way after a reload.
        await page.ReloadAsync();
        var stored = page.Locator(".chat-log .chat-assistant").Last;
        await Assertions.Expect(stored.Locator(".chat-body strong")).ToHaveTextAsync("sats");
        await Assertions.Expect(stored.Locator("[data-chat-meta] [data-provider]")).ToHaveTextAsync("ollama");
        Assert.Empty(fixture.ConsoleErrors);
    }

    [Fact]
    public async Task ProviderDown_ErrorIsShownInTheConversation()
    {
        fixture.Ollama.Default = FakeReply.Error(404);
        try
        {
            await using var context = await fixture.NewOwnerContextAsync();
            var page = await context.NewPageAsync();
            await page.GotoAsync("/?c=new");

            await page.GetByLabel("Message Timmy").FillAsync("Are you there?");
            await page.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();

            var error = page.Locator(".chat-log .chat-error").Last;
            await Assertions.Expect(error).ToContainTextAsync("No LLM provider is reachable");
            await Assertions.Expect(error).ToContainTextAsync("ollama");
            await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Send" })).ToBeEnabledAsync();
            await BrowserFixture.ScreenshotAsync(page, "chat-no-provider");
        }
        finally
        {
            fixture.Ollama.Default = FakeReply.Answer("hello from the fake");
        }
    }

    [Fact]
    public async Task Stop_WhileTimmyIsThinking_EndsTheAnswerAsStoppedNotAsAnError()
    {
        // The default rather than a queued reply: a Stop that reaches the server before the request reaches the
        // fake would leave a queued stall behind for the next test.
        fixture.Ollama.Default = FakeReply.Stall();
        try
        {
            await using var context = await fixture.NewOwnerContextAsync();
            var page = await context.NewPageAsync();
            await page.GotoAsync("/?c=new");

            await page.GetByLabel("Message Timmy").FillAsync("Think about this for a long time");
            await page.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();
            await Assertions.Expect(page.Locator(".chat-thinking")).ToBeVisibleAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Stop" }).ClickAsync();

            var answer = page.Locator(".chat-log .chat-assistant").Last;
            await Assertions.Expect(answer.Locator("[data-chat-stopped]")).ToHaveTextAsync("stopped");
            await Assertions.Expect(answer.Locator(".chat-body")).ToHaveTextAsync("Stopped before any text arrived.");
            Assert.Equal(0, await page.Locator(".chat-log .chat-error").CountAsync());
            await Assertions.Expect(page.Locator(".chat-thinking")).ToHaveCountAsync(0);
            await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Send" })).ToBeVisibleAsync();
        }
        finally
        {
            fixture.Ollama.Default = FakeReply.Answer("hello from the fake");
        }
    }

    [Fact]
    public async Task Stop_MidAnswer_KeepsWhatArrivedMarkedStopped_DrawnAsMarkdownWhileItStreamed()
    {
        // Two tokens ("Stack", " **sats**"), then the fake holds the answer open until the request goes away.
        fixture.Ollama.Default = FakeReply.DropAfter(2, "Stack **sats** quietly and keep your keys");
        try
        {
            await using var context = await fixture.NewOwnerContextAsync();
            var (page, answer) = await AskOnANewPageAsync(context, "How should I save?");

            // Markdown while the answer is still streaming (the button still says Stop).
            await Assertions.Expect(answer.Locator(".chat-body strong")).ToHaveTextAsync("sats");
            await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Stop" })).ToBeVisibleAsync();
            Assert.DoesNotContain("**", await answer.Locator(".chat-body").InnerTextAsync());
            await BrowserFixture.ScreenshotAsync(page, "chat-streaming-markdown");
            await page.WaitForURLAsync(StoredConversationUrl);
            await page.GetByRole(AriaRole.Button, new() { Name = "Stop" }).ClickAsync();

            await Assertions.Expect(answer.Locator("[data-chat-stopped]")).ToHaveTextAsync("stopped");
            await Assertions.Expect(answer.Locator(".chat-body")).ToHaveTextAsync("Stack sats");
            await Assertions.Expect(answer.Locator(".chat-body strong")).ToHaveTextAsync("sats");
            Assert.Equal(0, await page.Locator(".chat-log .chat-error").CountAsync());
            await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Send" })).ToBeVisibleAsync();
            await BrowserFixture.ScreenshotAsync(page, "chat-stopped");

            // Stored as it was shown: what arrived, marked stopped.
            var session = new Uri(page.Url).Query.Split('=')[1];
            for (var tries = 0; ; tries++)
            {
                var detail = (await (await context.APIRequest.GetAsync("/api/v1/chat/conversations/" + session)).JsonAsync())!.Value;
                var last = detail.GetProperty("messages").EnumerateArray().Last();
                if (last.GetProperty("role").GetString() == "assistant")
                {
                    Assert.True(last.GetProperty("stopped").GetBoolean());
                    Assert.Equal("Stack **sats**", last.GetProperty("content").GetString());
                    break;
                }
                Assert.True(tries < 50, "the stopped answer was not stored");
                await Task.Delay(200, TestContext.Current.CancellationToken);
            }
            await page.ReloadAsync();
            var stored = page.Locator(".chat-log .chat-assistant").Last;
            await Assertions.Expect(stored.Locator("[data-chat-stopped]")).ToHaveTextAsync("stopped");
            await Assertions.Expect(stored.Locator(".chat-body strong")).ToHaveTextAsync("sats");
            await Assertions.Expect(stored.Locator("[data-chat-meta] [data-provider]")).ToHaveTextAsync("ollama");
            Assert.Empty(fixture.ConsoleErrors);
        }
        finally
        {
            fixture.Ollama.Default = FakeReply.Answer("hello from the fake");
            fixture.Ollama.ReleaseDrop.TrySetResult(); // ends the held request (no other test here holds one)
        }
    }

    [Fact]
    public async Task ClearConversation_RemovesItsMessages()
    {
        fixture.Ollama.Default = FakeReply.Answer("Noted.");
        await using var context = await fixture.NewOwnerContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/?c=new");
        await page.GetByLabel("Message Timmy").FillAsync("Remember the milk");
        await page.GetByLabel("Message Timmy").PressAsync("Enter");
        await Assertions.Expect(page.Locator(".chat-log .chat-assistant [data-chat-meta]")).ToHaveCountAsync(1);
        await page.WaitForURLAsync(StoredConversationUrl);

        await page.ReloadAsync();
        await Assertions.Expect(page.Locator(".chat-log .chat-msg")).ToHaveCountAsync(2);
        var asked = new List<string>();
        page.Dialog += async (_, dialog) =>
        {
            asked.Add(dialog.Message);
            // The first time the owner thinks better of it; the second time they mean it.
            await (asked.Count == 1 ? dialog.DismissAsync() : dialog.AcceptAsync());
        };
        await page.EvaluateAsync("() => { window.sameDocument = true; }");
        await page.GetByRole(AriaRole.Button, new() { Name = "Clear conversation" }).ClickAsync();
        await page.WaitForTimeoutAsync(300);
        Assert.True(await page.EvaluateAsync<bool>("() => window.sameDocument === true"), "the form was sent although the owner said no");
        await Assertions.Expect(page.Locator(".chat-log .chat-msg")).ToHaveCountAsync(2);
        await page.GetByRole(AriaRole.Button, new() { Name = "Clear conversation" }).ClickAsync();

        await Assertions.Expect(page.Locator(".chat-log .chat-msg")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("[data-chat-empty]")).ToBeVisibleAsync();
        Assert.Equal(2, asked.Count);
        Assert.StartsWith("Clear this conversation?", asked[0]);
        // A cleared conversation is untitled again, and its name does not read like the New conversation button.
        await Assertions.Expect(page.Locator(".chat-session-list a.active")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^Untitled, "));
    }

    [Fact]
    public async Task LongConversation_OpensAtItsNewestTurn()
    {
        fixture.Ollama.Default = FakeReply.Answer(string.Join("\n\n", Enumerable.Range(1, 8).Select(i => $"Paragraph {i} of a long answer.")));
        await using var context = await fixture.NewOwnerContextAsync();
        string? session = null;
        for (var i = 0; i < 4; i++)
        {
            var response = await context.APIRequest.PostAsync("/api/v1/chat", new() { DataObject = new { message = $"question {i}", session_id = session } });
            Assert.Equal(200, response.Status);
            session = (await response.JsonAsync())!.Value.GetProperty("session_id").GetString();
        }
        var page = await context.NewPageAsync();

        await page.GotoAsync("/?c=" + session);

        await Assertions.Expect(page.Locator(".chat-log .chat-msg")).ToHaveCountAsync(8);
        await page.WaitForFunctionAsync("() => { const log = document.querySelector('[data-chat-log]'); return log.scrollHeight > log.clientHeight && log.scrollTop + log.clientHeight >= log.scrollHeight - 2; }");
    }

    /// <summary>Opens a new conversation and asks <paramref name="question"/> with Enter; returns the page and Timmy's turn.</summary>
    private static async Task<(IPage Page, ILocator Answer)> AskOnANewPageAsync(IBrowserContext context, string question)
    {
        var page = await context.NewPageAsync();
        await page.GotoAsync("/?c=new");
        await page.GetByLabel("Message Timmy").FillAsync(question);
        await page.GetByLabel("Message Timmy").PressAsync("Enter");
        return (page, page.Locator(".chat-log .chat-assistant").Last);
    }
}
