using System.Text.Json;
using Microsoft.Playwright;
using Timmy.E2E.Infrastructure;
using Timmy.Tests.Router.Fakes;

namespace Timmy.E2E;

/// <summary>Every page fits a phone (390 px) and a desktop (1280 px) with real data in it: a dozen conversations
/// with long titles and a long answer, tokens with long names and every scope, events with long data, swarm tasks
/// with a long description and a long Markdown result.</summary>
public sealed class PageFitTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private static readonly SemaphoreSlim Seeding = new(1, 1);
    private static readonly Dictionary<BrowserFixture, string> SeededConversation = [];
    private static readonly Dictionary<BrowserFixture, string> SeededTask = [];
    private static readonly Dictionary<BrowserFixture, string> SeededLedgerEntry = [];

    /// <summary>Stands for the seeded task's id in a page's path.</summary>
    private const string TaskPath = "/swarm/tasks/{task}";

    /// <summary>Stands for the seeded ledger entry's id in a page's path.</summary>
    private const string LedgerEntryPath = "/lightning/ledger/{entry}";

    /// <summary>A search on the memory page, with highlighted words in long entries.</summary>
    private const string MemorySearchPath = "/memory?q=reconcile the ledger export";

    /// <summary>Whatever sticks out of the window and is not inside a box that scrolls or clips it on purpose.</summary>
    private const string Overflow = """
        () => {
          const width = document.documentElement.clientWidth;
          const clipped = (e) => {
            for (let p = e.parentElement; p && p !== document.body; p = p.parentElement) {
              if (['auto', 'scroll', 'hidden', 'clip'].includes(getComputedStyle(p).overflowX)) return true;
            }
            return false;
          };
          const out = [...document.querySelectorAll('body *')]
            .filter((e) => e.getClientRects().length > 0 && e.getBoundingClientRect().right > width + 0.5 && !clipped(e))
            .map((e) => `${e.tagName.toLowerCase()}.${[...e.classList].join('.')} ends at ${Math.round(e.getBoundingClientRect().right)} px`);
          return { width, scrollWidth: document.documentElement.scrollWidth, out };
        }
        """;

    public static TheoryData<string, int, int> Pages()
    {
        var data = new TheoryData<string, int, int>();
        foreach (var path in new[] { "/", "/swarm/events", "/swarm/live", "/swarm/tasks", TaskPath, "/marketplace", "/router/status", "/settings/tokens", "/memory", MemorySearchPath, "/lightning/ledger", LedgerEntryPath, "/self-modify/queue" })
        {
            data.Add(path, 390, 844);
            data.Add(path, 1280, 800);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Page_WithRealData_FitsTheScreen(string path, int width, int height)
    {
        var conversation = await SeedAsync();
        await using var context = await fixture.NewOwnerContextAsync();
        var page = await context.NewPageAsync();
        await page.SetViewportSizeAsync(width, height);

        await page.GotoAsync(path switch { "/" => "/?c=" + conversation, TaskPath => "/swarm/tasks/" + SeededTask[fixture],
            LedgerEntryPath => "/lightning/ledger/" + SeededLedgerEntry[fixture], _ => path });
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await BrowserFixture.ScreenshotAsync(page, $"fit-{(path == "/" ? "home" : path == MemorySearchPath ? "memory-search" : path.Trim('/').Replace("{", "").Replace("}", "").Replace('/', '-'))}-{width}");

        await AssertFitsAsync(page, width);
        if (path.StartsWith("/memory", StringComparison.Ordinal))
        {
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Memory");
            await Assertions.Expect(page.Locator(".memory-item").First).ToBeVisibleAsync();
        }
        if (path == "/")
        {
            await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Send" })).ToBeInViewportAsync(new() { Ratio = 1 });
            await Assertions.Expect(page.GetByLabel("Message Timmy")).ToBeInViewportAsync(new() { Ratio = 1 });
        }
    }

    [Theory]
    [InlineData(390, 844)]
    [InlineData(1280, 800)]
    public async Task LoginPage_FitsTheScreen(int width, int height)
    {
        await using var context = await fixture.NewAnonymousContextAsync();
        var page = await context.NewPageAsync();
        await page.SetViewportSizeAsync(width, height);

        await page.GotoAsync("/login");
        await BrowserFixture.ScreenshotAsync(page, $"fit-login-{width}");

        await AssertFitsAsync(page, width);
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign in" })).ToBeInViewportAsync(new() { Ratio = 1 });
    }

    /// <summary>Nothing sticks out of a <paramref name="width"/> px window (the upgrade pages' flow uses it too).</summary>
    internal static async Task AssertFitsAsync(IPage page, int width)
    {
        var layout = await page.EvaluateAsync<JsonElement>(Overflow);
        Assert.Empty(layout.GetProperty("out").EnumerateArray().Select(e => e.GetString()));
        Assert.True(layout.GetProperty("scrollWidth").GetInt32() <= width, $"the page is {layout.GetProperty("scrollWidth")} px wide on a {width} px screen");
    }

    /// <summary>Once per server: twelve conversations, three tokens, a handful of events; returns the newest conversation.</summary>
    private async Task<string> SeedAsync()
    {
        await Seeding.WaitAsync();
        try
        {
            if (SeededConversation.TryGetValue(fixture, out var seeded))
            {
                return seeded;
            }
            await using var context = await fixture.NewOwnerContextAsync();
            fixture.Ollama.Default = FakeReply.Answer(LongAnswer);
            string? session = null;
            for (var i = 1; i <= 12; i++)
            {
                var response = await context.APIRequest.PostAsync("/api/v1/chat", new()
                {
                    DataObject = new { message = $"Question {i}: how do I reconcile the quarterly Lightning channel statements with the on-chain ledger export?" },
                });
                Assert.Equal(200, response.Status);
                session = (await response.JsonAsync())!.Value.GetProperty("session_id").GetString();
            }
            fixture.Ollama.Default = FakeReply.Answer("hello from the fake");
            foreach (var name in new[] { "nightly-backup-of-the-event-log-to-the-offsite-storage-bucket", "grafana", "a script with a long name that has spaces in it too" })
            {
                var response = await context.APIRequest.PostAsync("/api/v1/tokens", new()
                {
                    DataObject = new { name, scopes = new[] { "events:read", "events:write", "router:read", "router:control", "chat", "tokens:manage" } },
                });
                Assert.Equal(201, response.Status);
            }
            await PostEventAsync(context, "system.info", new
            {
                tool = "web_search",
                urls = new[] { "https://example.com/a/very/long/url/that/does/not/break/anywhere/because/it/has/no/spaces/index.html", "https://example.org/b" },
                query = string.Join(' ', Enumerable.Repeat("quarterly sales report", 12)),
            });
            await PostEventAsync(context, "system.error", new { message = string.Join('\n', Enumerable.Range(1, 40).Select(i => $"   at Swarm.Agent.Step{i}() in /src/Swarm/Agent.cs:line {i}")) });
            await PostEventAsync(context, "system.warning", new { description = new string('x', 300) });
            fixture.Ollama.Default = FakeReply.Answer(LongAnswer);
            SeededTask[fixture] = await PostTaskAsync(context, "Research and summarize: " + string.Join(' ', Enumerable.Repeat("reconcile-the-quarterly-lightning-channel-statements-with-the-ledger", 4)));
            await PostTaskAsync(context, "Fix the bug in the login function");
            await SeedMemoryAsync(context);
            SeededLedgerEntry[fixture] = await SeedLightningAsync(context);
            fixture.Ollama.Default = FakeReply.Answer("hello from the fake");
            SeededConversation[fixture] = session!;
            return session!;
        }
        finally
        {
            Seeding.Release();
        }
    }

    private const string LongAnswer = """
        Here is a **long** answer with a link to https://example.com/a/very/long/url/that/does/not/break/anywhere/because/it/has/no/spaces/index.html

        ```
        $ timmy events export --format jsonl --from 2026-01-01T00:00:00Z --to 2026-12-31T23:59:59Z > all-of-this-year.jsonl
        ```

        | column one | column two | column three | column four | column five |
        |---|---|---|---|---|
        | a fairly long cell | another fairly long cell | and one more | and another | the last one |
        """;

    /// <summary>A long fact with an unbroken word, and a Markdown document with long headings, through the memory page.</summary>
    private static async Task SeedMemoryAsync(IBrowserContext context)
    {
        var page = await context.NewPageAsync();
        await page.GotoAsync("/memory");
        await page.GetByLabel("A fact about you").FillAsync(
            "The owner reconciles the ledger export every quarter using " + string.Join('-', Enumerable.Repeat("reconcile-the-quarterly-lightning-channel-statements", 3)));
        await page.GetByLabel("Kind (optional)").SelectOptionAsync("occupation");
        await page.GetByRole(AriaRole.Button, new() { Name = "Remember" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-memory-notice]")).ToHaveTextAsync("Fact remembered.");
        await page.GetByLabel("A text or Markdown file (.txt, .md)").SetInputFilesAsync(new FilePayload
        {
            Name = "quarterly-lightning-channel-statements-reconciliation-runbook-with-a-long-name.md",
            MimeType = "text/markdown",
            Buffer = System.Text.Encoding.UTF8.GetBytes(
                "# Reconciling the quarterly Lightning channel statements with the on-chain ledger export\n\n" + LongAnswer
                + "\n\n## Step two: compare the export line by line\n\nReconcile each line of the ledger export with " + new string('x', 120) + ".\n"),
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "Upload" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-memory-notice]")).ToContainTextAsync("Stored");
        await page.CloseAsync();
    }

    /// <summary>Invoices with a long memo (one paid by simulation, one left open) and a budget for an agent with a long
    /// id; returns the open invoice's entry id.</summary>
    private static async Task<string> SeedLightningAsync(IBrowserContext context)
    {
        var memo = "Quarterly reconciliation of the Lightning channel statements " + string.Join('-', Enumerable.Repeat("with-the-on-chain-ledger-export", 4));
        string? open = null;
        foreach (var sats in new[] { 123_456, 2_100 })
        {
            var created = await context.APIRequest.PostAsync("/api/v1/lightning/invoices", new() { DataObject = new { amount_sats = sats, memo } });
            Assert.Equal(201, created.Status);
            open = (await created.JsonAsync())!.Value.GetProperty("id").GetString();
            if (sats != 2_100)
            {
                Assert.Equal(200, (await context.APIRequest.PostAsync($"/api/v1/lightning/invoices/{open}/simulate-payment")).Status);
            }
        }
        var budget = await context.APIRequest.PutAsync("/api/v1/lightning/budgets/agent-researcher-0001-with-a-really-long-identifier",
            new() { DataObject = new { max_sats = 250_000, period = "monthly" } });
        Assert.Equal(200, budget.Status);
        return open!;
    }

    /// <summary>Posts a task from the control room and waits until it is done; returns its id.</summary>
    private static async Task<string> PostTaskAsync(IBrowserContext context, string description)
    {
        var (page, id) = await SwarmPages.PostTaskAsync(context, description);
        await Assertions.Expect(SwarmPages.Status(page)).ToContainTextAsync("completed");
        await page.CloseAsync();
        return id;
    }

    private static async Task PostEventAsync(IBrowserContext context, string type, object data)
    {
        var response = await context.APIRequest.PostAsync("/api/v1/events", new()
        {
            DataObject = new { event_type = type, source = "agent-researcher-0001-with-a-really-long-identifier", agent_id = "agent-researcher-0001-with-a-really-long-identifier", data },
        });
        Assert.Equal(201, response.Status);
    }
}
