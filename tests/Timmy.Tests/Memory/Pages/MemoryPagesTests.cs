using System.Net;
using System.Text.RegularExpressions;
using Timmy.Core.Memory;
using Timmy.Core.Memory.Documents;
using Timmy.Tests.Infrastructure;
using Timmy.Web.Components.Memory;

namespace Timmy.Tests.Memory.Pages;

/// <summary>/memory and /memory/{id} over the real host (hashing embedder): the page, its fragments and every form,
/// including bad input shown beside the form with nothing changed.</summary>
public sealed partial class MemoryPagesTests : IAsyncLifetime
{
    private readonly TimmyWebFactory _factory = new();
    private HttpClient _browser = null!;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private MemoryService Memory => _factory.Service<MemoryService>();

    public async ValueTask InitializeAsync() => _browser = await OwnerBrowserSession.SignInAsync(_factory);

    public async ValueTask DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task MemoryPage_Empty_ShowsSearchFactsDocumentsAndTheLexicalOnlyEmbedder()
    {
        var html = WebUtility.HtmlDecode(await _browser.GetStringAsync("/memory", Ct));

        Assert.Contains("<h1>Memory</h1>", html);
        Assert.Contains("The memory is empty.", html);
        Assert.Contains("Facts about you", html);
        Assert.Contains("Documents", html);
        Assert.Contains("hashing/v1", html);
        Assert.Contains("data-lexical-only", html);
        Assert.Contains("data-memory-page", html);
    }

    [Fact]
    public async Task MemoryPage_Unauthenticated_RedirectsToSignIn()
    {
        var response = await _factory.CreateAnonymousClient().GetAsync("/memory/fragments/results?q=x", Ct);

        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task ResultsFragment_Search_MarksMatchedWords_AndEncodesTheContent()
    {
        await Memory.StoreAsync(new NewMemory("The owner likes <script>alert(1)</script> dark roast coffee.", MemoryContextTypes.Fact, "test"), Ct);

        var response = await _browser.GetAsync("/memory/fragments/results?q=coffee", Ct);
        var html = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        Assert.StartsWith("<section class=\"memory-results\"", html.TrimStart());
        Assert.Contains("data-swap=\"memory-results\"", html);
        Assert.Contains("<mark>coffee</mark>", html);
        Assert.Contains("&lt;script&gt;", html);
        Assert.DoesNotContain("<script>", html);
        Assert.Contains("data-signal=\"lexical\"", html);
        Assert.Contains("data-lexical-only", html);
    }

    [Fact]
    public async Task ResultsFragment_NoQuery_ListsNewestFirst_WithAnOlderPage()
    {
        for (var i = 1; i <= MemoryFilters.PageSize + 3; i++)
        {
            await Memory.StoreAsync(new NewMemory($"Turn number {i}", MemoryContextTypes.Conversation, "chat") { AgentId = "echo" }, Ct);
        }

        var first = await _browser.GetStringAsync("/memory/fragments/results?type=conversation&agent=echo", Ct);
        var older = OlderLink().Match(first);
        var second = await _browser.GetStringAsync(WebUtility.HtmlDecode(older.Groups[1].Value).Replace("/memory?", "/memory/fragments/results?"), Ct);

        Assert.Equal(MemoryFilters.PageSize, EntryItem().Matches(first).Count);
        Assert.Contains($"Turn number {MemoryFilters.PageSize + 3}", first);
        Assert.True(older.Success);
        Assert.Equal(3, EntryItem().Matches(second).Count);
        Assert.Contains("Turn number 1<", second);
        Assert.Contains("← Newest", second);
    }

    [Fact]
    public async Task MemoryPage_SearchOverLongEntries_RendersTheirExcerpts()
    {
        var word = string.Join('-', Enumerable.Repeat("reconcile-the-quarterly-lightning-channel-statements", 3));
        await Memory.StoreAsync(new NewMemory("The owner reconciles the ledger export every quarter using " + word, MemoryContextTypes.Fact, "test"), Ct);
        await _factory.Service<DocumentMemory>().StoreAsync("runbook.md",
            "# Reconciling the statements with the ledger export\n\n" + string.Join(' ', Enumerable.Repeat("filler words here", 300))
            + "\n\nReconcile each line of the ledger export with " + new string('x', 120) + ".\n", false, cancellationToken: Ct);

        var response = await _browser.GetAsync("/memory?q=" + Uri.EscapeDataString("reconcile the ledger export"), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<mark>ledger</mark>", await response.Content.ReadAsStringAsync(Ct));
    }

    [Theory]
    [InlineData("type=bogus", "'bogus' is not a kind of entry")]
    [InlineData("since=yesterday", "The 'from' date 'yesterday' is not a date like 2026-03-01.")]
    [InlineData("since=2026-03-02&until=2026-03-01", "The 'from' date is after the 'to' date.")]
    public async Task ResultsFragment_BadFilter_NamesIt(string query, string reason)
    {
        var html = WebUtility.HtmlDecode(await _browser.GetStringAsync("/memory/fragments/results?" + query, Ct));

        Assert.Contains("The search could not be run:", html);
        Assert.Contains(reason, html);
    }

    [Fact]
    public async Task StatsFragment_CountsPerTypeAndAgent()
    {
        await Memory.StoreAsync(new NewMemory("The owner's name is Alex.", MemoryContextTypes.Fact, "test"), Ct);
        await Memory.StoreAsync(new NewMemory("Bid 300 sats on the parser task", MemoryContextTypes.Conversation, "swarm") { AgentId = "forge", Shared = true }, Ct);

        var html = await _browser.GetStringAsync("/memory/fragments/stats", Ct);

        Assert.Contains("data-swap=\"memory-stats\"", html);
        Assert.Matches("data-stat=\"total\">2<", html);
        Assert.Matches("data-stat=\"fact\">1<", html);
        Assert.Contains("forge 1", html);
        Assert.Contains("owner 1", html);
        Assert.Contains("1 of 2", html);
    }

    [Fact]
    public async Task AddFact_Valid_RedirectsWithNotice_StoringItKeyedAndShared()
    {
        var response = await OwnerBrowserSession.PostFormAsync(_browser, "/memory", "add-fact",
            [new("text", "The owner lives in Lisbon."), new("key", "location"), new("shared", "true")], Ct);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/memory?notice=fact-added#facts", Where(response));
        var fact = Assert.Single((await Memory.ListAsync(MemoryFilter.None, MemoryViewer.Owner, null, 10, Ct)).Items);
        Assert.Equal("The owner lives in Lisbon.", fact.Content);
        Assert.Equal(MemoryContextTypes.Fact, fact.ContextType);
        Assert.True(fact.Shared);
        Assert.Contains("\"fact_key\":\"location\"", fact.Metadata);
        Assert.Contains("Fact remembered.", await _browser.GetStringAsync("/memory?notice=fact-added", Ct));
    }

    [Theory]
    [InlineData("   ", "", "Write the fact: the text is empty.")]
    [InlineData("The owner is tall.", "shoe-size", "'shoe-size' is not a kind of fact")]
    public async Task AddFact_BadInput_ShowsTheReasonBesideTheForm_AndStoresNothing(string text, string key, string reason)
    {
        var response = await OwnerBrowserSession.PostFormAsync(_browser, "/memory", "add-fact", [new("text", text), new("key", key)], Ct);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("The fact was not added:", html);
        Assert.Contains(reason, html);
        Assert.Equal(0, (await Memory.StatusAsync(Ct)).Stats.Total);
    }

    [Fact]
    public async Task EditFact_Valid_RewritesIt()
    {
        var fact = await Memory.StoreAsync(new NewMemory("The owner drinks tea.", MemoryContextTypes.Fact, "test"), Ct);

        var response = await OwnerBrowserSession.PostFormAsync(_browser, "/memory", $"edit-fact-{fact.Id}", [new("content", "The owner drinks coffee.")], Ct);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("The owner drinks coffee.", (await Memory.GetAsync(fact.Id, MemoryViewer.Owner, Ct)).Content);
    }

    [Fact]
    public async Task EditFact_Empty_ShowsTheReasonBesideItsForm_AndChangesNothing()
    {
        var fact = await Memory.StoreAsync(new NewMemory("The owner drinks tea.", MemoryContextTypes.Fact, "test"), Ct);

        var response = await OwnerBrowserSession.PostFormAsync(_browser, "/memory", $"edit-fact-{fact.Id}", [new("content", " ")], Ct);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("data-fact-edit-error>Write the fact: the text is empty.", html);
        Assert.Equal("The owner drinks tea.", (await Memory.GetAsync(fact.Id, MemoryViewer.Owner, Ct)).Content);
    }

    [Fact]
    public async Task DeleteFact_DeletesIt_AndAGoneOneIsANotice()
    {
        var fact = await Memory.StoreAsync(new NewMemory("The owner drinks tea.", MemoryContextTypes.Fact, "test"), Ct);

        var deleted = await OwnerBrowserSession.PostFormAsync(_browser, "/memory", $"delete-fact-{fact.Id}", [], Ct);
        var again = await OwnerBrowserSession.PostFormAsync(_browser, "/memory", $"delete-fact-{fact.Id}", [], Ct);

        Assert.Equal("/memory?notice=fact-deleted#facts", Where(deleted));
        Assert.Equal("/memory?notice=gone#facts", Where(again));
        Assert.Equal(0, (await Memory.StatusAsync(Ct)).Stats.Total);
    }

    [Fact]
    public async Task Upload_Markdown_StoresItsChunks_AndSaysHowMany()
    {
        var response = await PostUploadAsync("notes.md", "# Garden\n\nThe tomatoes need water every morning.\n\n## Tools\n\nThe spade is in the shed.\n");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = WebUtility.UrlDecode(Where(response));
        var document = Assert.Single(await _factory.Service<DocumentMemory>().ListAsync(MemoryViewer.Owner, Ct));
        Assert.Equal($"/memory?notice=document-stored&name=notes.md&chunks={document.Chunks}#documents", location);
        var page = WebUtility.HtmlDecode(await _browser.GetStringAsync(Where(response), Ct));
        Assert.Contains($"Stored “notes.md” as {document.Chunks} chunk", page);
        var results = WebUtility.HtmlDecode(await _browser.GetStringAsync("/memory/fragments/results?q=spade", Ct));
        Assert.Contains("data-heading>› Garden > Tools", results);
    }

    [Theory]
    [InlineData("report.pdf", "%PDF-1.4", "'report.pdf' is not a text or Markdown file")]
    [InlineData("empty.md", "  \n", "The document is empty.")]
    public async Task Upload_Refused_ShowsTheReasonBesideTheForm_AndStoresNothing(string name, string content, string reason)
    {
        var response = await PostUploadAsync(name, content);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("The document was not stored:", html);
        Assert.Contains(reason, html);
        Assert.Equal(0, (await Memory.StatusAsync(Ct)).Stats.Total);
    }

    [Fact]
    public async Task EntryPage_ShowsTheWholeEntry_WithLinksToItsConversationAndTask()
    {
        var entry = await Memory.StoreAsync(new NewMemory("Forge fixed the parser.", MemoryContextTypes.Conversation, "chat")
        {
            SessionId = "session-1", TaskId = "task-1", AgentId = "forge",
        }, Ct);

        var html = await _browser.GetStringAsync($"/memory/{entry.Id}", Ct);

        Assert.Contains("data-entry-content>Forge fixed the parser.<", html);
        Assert.Contains("href=\"/?c=session-1\" data-link=\"session\"", html);
        Assert.Contains("href=\"/swarm/tasks/task-1\" data-link=\"task\"", html);
        Assert.Matches("<form[^>]* hidden [^>]*data-entry-edit", html);
    }

    [Fact]
    public async Task EntryPage_UnknownId_Is404()
    {
        var response = await _browser.GetAsync("/memory/no-such-entry", Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task EntryPage_EditOfAConversationEntry_IsRefusedBesideTheForm_AndChangesNothing()
    {
        var entry = await Memory.StoreAsync(new NewMemory("What did I say?", MemoryContextTypes.Conversation, "chat"), Ct);

        var response = await OwnerBrowserSession.PostFormAsync(_browser, $"/memory/{entry.Id}", "edit", [new("content", "Something else")], Ct);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("only facts can be rewritten", html);
        Assert.Equal("What did I say?", (await Memory.GetAsync(entry.Id, MemoryViewer.Owner, Ct)).Content);
    }

    [Fact]
    public async Task EntryPage_ShareThenDelete()
    {
        var entry = await Memory.StoreAsync(new NewMemory("The owner's name is Alex.", MemoryContextTypes.Fact, "test"), Ct);

        var shared = await OwnerBrowserSession.PostFormAsync(_browser, $"/memory/{entry.Id}", "share", [new("shared", "true")], Ct);
        Assert.Equal($"/memory/{entry.Id}?notice=shared", Where(shared));
        Assert.True((await Memory.GetAsync(entry.Id, MemoryViewer.Owner, Ct)).Shared);

        var edited = await OwnerBrowserSession.PostFormAsync(_browser, $"/memory/{entry.Id}", "edit", [new("content", "The owner's name is Sam.")], Ct);
        Assert.Equal($"/memory/{entry.Id}?notice=updated", Where(edited));
        Assert.Equal("The owner's name is Sam.", (await Memory.GetAsync(entry.Id, MemoryViewer.Owner, Ct)).Content);

        var deleted = await OwnerBrowserSession.PostFormAsync(_browser, $"/memory/{entry.Id}", "delete", [], Ct);
        Assert.Equal("/memory?notice=deleted", Where(deleted));
        Assert.Equal(0, (await Memory.StatusAsync(Ct)).Stats.Total);
    }

    [Fact]
    public async Task HomePage_ShowsTheMemoryCard()
    {
        await Memory.StoreAsync(new NewMemory("The owner's name is Alex.", MemoryContextTypes.Fact, "test"), Ct);

        var html = await _browser.GetStringAsync("/", Ct);

        Assert.Contains("data-memory-glance", html);
        Assert.Matches("data-glance=\"facts\">1<", html);
        Assert.Contains("href=\"/memory\"", html);
    }

    /// <summary>Where a redirect goes, as path, query and fragment.</summary>
    private static string Where(HttpResponseMessage response) =>
        response.Headers.Location is { IsAbsoluteUri: true } absolute ? absolute.PathAndQuery + absolute.Fragment : response.Headers.Location!.OriginalString;

    /// <summary>Posts the upload form as a browser does: multipart, with the page's antiforgery token and cookie.</summary>
    private async Task<HttpResponseMessage> PostUploadAsync(string name, string content)
    {
        using var page = await _browser.GetAsync("/memory", Ct);
        var token = WebUtility.HtmlDecode(Antiforgery().Match(await page.Content.ReadAsStringAsync(Ct)).Groups[1].Value);
        var cookies = _browser.DefaultRequestHeaders.GetValues("Cookie")
            .Concat(page.Headers.TryGetValues("Set-Cookie", out var set) ? set.Select(c => c.Split(';')[0]) : []);
        var form = new MultipartFormDataContent
        {
            { new StringContent("upload-document"), "_handler" },
            { new StringContent(token), "__RequestVerificationToken" },
            { new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(content)), "file", name },
        };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/memory") { Content = form };
        request.Headers.Add("Cookie", string.Join("; ", cookies));
        return await _browser.SendAsync(request, Ct);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex Antiforgery();

    [GeneratedRegex("href=\"([^\"]+)\" rel=\"next\"")]
    private static partial Regex OlderLink();

    [GeneratedRegex("<li class=\"memory-item\"")]
    private static partial Regex EntryItem();
}
