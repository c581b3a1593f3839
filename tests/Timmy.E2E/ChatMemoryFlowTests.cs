using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Timmy.E2E.Infrastructure;

namespace Timmy.E2E;

/// <summary>Timmy remembers across conversations: a fact told in one is found on the memory page, and a question in
/// the next is answered with it, shown under the answer as "remembered: …" with a link to the entry.</summary>
public sealed class ChatMemoryFlowTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task AFactToldInOneConversation_IsRememberedInTheNext_WithALinkToIt()
    {
        await using var context = await fixture.NewOwnerContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/?c=new");
        await page.GetByLabel("Message Timmy").FillAsync("My name is Ada.");
        await page.GetByLabel("Message Timmy").PressAsync("Enter");
        await Assertions.Expect(page.Locator(".chat-log .chat-assistant").Last.Locator("[data-chat-meta]")).ToBeVisibleAsync();

        // The fact is learned after the answer, off its path (on a busy machine, after the model has loaded): the memory
        // page finds it once it is there.
        var fact = page.Locator(".memory-item[data-type='fact']").Filter(new() { HasText = "The owner's name is Ada." });
        for (var deadline = DateTime.UtcNow.AddSeconds(60); ; await Task.Delay(500, TestContext.Current.CancellationToken))
        {
            await page.GotoAsync("/memory?q=Ada");
            if (await fact.CountAsync() == 1 || DateTime.UtcNow > deadline)
            {
                break;
            }
        }
        await Assertions.Expect(fact).ToHaveCountAsync(1);

        await page.GotoAsync("/?c=new");
        await page.GetByLabel("Message Timmy").FillAsync("What is my name?");
        await page.GetByLabel("Message Timmy").PressAsync("Enter");
        var remembered = page.Locator(".chat-log .chat-assistant").Last.Locator("[data-chat-remembered]");
        await Assertions.Expect(remembered).ToContainTextAsync("remembered:");
        var link = remembered.Locator("[data-remembered-entry]").Filter(new() { HasText = "The owner's name is Ada." });
        await Assertions.Expect(link).ToHaveCountAsync(1);
        await BrowserFixture.ScreenshotAsync(page, "chat-remembered");

        await link.ClickAsync();
        await page.WaitForURLAsync(new Regex("/memory/[0-9a-f-]+$"));
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("The owner's name is Ada.");
        Assert.Empty(fixture.ConsoleErrors);
    }
}
