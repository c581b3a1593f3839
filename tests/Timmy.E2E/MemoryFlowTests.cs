using Microsoft.Playwright;
using Timmy.E2E.Infrastructure;

namespace Timmy.E2E;

/// <summary>The memory from the owner's side, with the real MiniLM embedder the server ships with: a fact added on the page
/// is found as the owner types, by a word and by what it means, then edited and deleted; an uploaded Markdown document is
/// found by a chunk under its heading; the figures follow what is stored elsewhere, live.</summary>
public sealed class MemoryFlowTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Fact_FoundByWordAndByMeaning_AsTheOwnerTypes_ThenEditedAndDeleted()
    {
        await using var context = await fixture.NewOwnerContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/memory");

        await page.GetByLabel("A fact about you").FillAsync("The owner prefers dark roast coffee every morning.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Remember" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-memory-notice]")).ToHaveTextAsync("Fact remembered.");

        var search = page.GetByRole(AriaRole.Searchbox, new() { Name = "Search" });
        await search.PressSequentiallyAsync("coffee", new() { Delay = 40 });
        var hit = page.Locator(".memory-item[data-type='fact']").First;
        await Assertions.Expect(hit.Locator("mark")).ToHaveTextAsync("coffee");
        await Assertions.Expect(hit.Locator("[data-signal='lexical']")).ToHaveTextAsync("words");
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(@"/memory\?q=coffee$"));

        await search.FillAsync("");
        await search.PressSequentiallyAsync("what hot drink do I like", new() { Delay = 20 });
        await Assertions.Expect(page.Locator("[data-memory-results]")).ToHaveAttributeAsync("data-query", "what hot drink do I like");
        var byMeaning = page.Locator(".memory-item[data-type='fact']").First;
        await Assertions.Expect(byMeaning).ToContainTextAsync("dark roast coffee");
        await Assertions.Expect(byMeaning.Locator("[data-signal='semantic']")).ToHaveTextAsync("meaning");
        await page.SetViewportSizeAsync(1280, 900);
        await BrowserFixture.ScreenshotAsync(page, "memory-search-1280");

        var fact = page.Locator(".fact-item").Filter(new() { HasText = "dark roast" });
        await fact.GetByText("Edit", new() { Exact = true }).ClickAsync();
        await fact.GetByRole(AriaRole.Textbox, new() { Name = "Edit the fact" }).FillAsync("The owner prefers green tea every morning.");
        await fact.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-memory-notice]")).ToHaveTextAsync("Fact updated.");
        await Assertions.Expect(page.Locator(".fact-item").Filter(new() { HasText = "green tea" })).ToHaveCountAsync(1);

        page.Dialog += (_, dialog) => dialog.AcceptAsync();
        await page.Locator(".fact-item").Filter(new() { HasText = "green tea" }).GetByRole(AriaRole.Button, new() { Name = "Delete fact" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-memory-notice]")).ToHaveTextAsync("Fact deleted.");
        await Assertions.Expect(page.Locator(".fact-item").Filter(new() { HasText = "green tea" })).ToHaveCountAsync(0);
        Assert.Empty(fixture.ConsoleErrors);
    }

    [Fact]
    public async Task MarkdownDocument_Uploaded_IsFoundByAChunkUnderItsHeading()
    {
        await using var context = await fixture.NewOwnerContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/memory");

        await page.GetByLabel("A text or Markdown file (.txt, .md)").SetInputFilesAsync(new FilePayload
        {
            Name = "allotment.md",
            MimeType = "text/markdown",
            Buffer = System.Text.Encoding.UTF8.GetBytes(
                "# Allotment\n\nNotes on the plot by the river.\n\n## Tools\n\nThe wheelbarrow and the spade live in the green shed; its key is under the flowerpot.\n\n## Planting\n\nBeans go in after the last frost, in the third bed.\n"),
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "Upload" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-memory-notice]")).ToContainTextAsync("Stored “allotment.md” as");
        await Assertions.Expect(page.Locator(".document-item").Filter(new() { HasText = "allotment.md" })).ToContainTextAsync("chunk");

        await page.GetByRole(AriaRole.Searchbox, new() { Name = "Search" }).PressSequentiallyAsync("where is the wheelbarrow", new() { Delay = 20 });
        var hit = page.Locator(".memory-item[data-type='document']").First;
        await Assertions.Expect(hit).ToContainTextAsync("allotment.md");
        await Assertions.Expect(hit.Locator("[data-heading]")).ToContainTextAsync("Tools");
        await Assertions.Expect(hit.Locator("mark").First).ToHaveTextAsync("wheelbarrow");

        await hit.Locator(".memory-content").ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Document chunk");
        await Assertions.Expect(page.Locator("[data-entry-content]")).ToContainTextAsync("green shed");
        await BrowserFixture.ScreenshotAsync(page, "memory-entry-1280");
        Assert.Empty(fixture.ConsoleErrors);
    }

    [Fact]
    public async Task Figures_FollowAnEntryStoredElsewhere_Live()
    {
        await using var context = await fixture.NewOwnerContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/memory");
        await Assertions.Expect(page.Locator("[data-feed-badge]")).ToHaveTextAsync("live");
        var facts = page.Locator("[data-memory-stats] [data-stat='fact']");
        var before = int.Parse(await facts.InnerTextAsync(), System.Globalization.CultureInfo.InvariantCulture);

        var other = await context.NewPageAsync();
        await other.GotoAsync("/memory");
        await other.GetByLabel("A fact about you").FillAsync("The owner keeps bees on the roof.");
        await other.GetByRole(AriaRole.Button, new() { Name = "Remember" }).ClickAsync();
        await Assertions.Expect(other.Locator("[data-memory-notice]")).ToHaveTextAsync("Fact remembered.");

        await Assertions.Expect(facts).ToHaveTextAsync((before + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Assertions.Expect(page.Locator(".memory-item").Filter(new() { HasText = "bees on the roof" })).ToHaveCountAsync(1);
        await page.SetViewportSizeAsync(390, 844);
        await BrowserFixture.ScreenshotAsync(page, "memory-live-390");
        Assert.Empty(fixture.ConsoleErrors);
    }
}
