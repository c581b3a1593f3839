using System.Net;
using System.Net.Http.Json;
using Timmy.Core.Chat;
using Timmy.Tests.Infrastructure;
using Timmy.Tests.Router.Fakes;
using Timmy.Web.Api.Chat;
using Timmy.Web.Components.Chat;

namespace Timmy.Tests.Chat;

/// <summary>The chat panel on the home page, used as plain forms by the signed-in owner.</summary>
public sealed class ChatPanelTests : ChatWebTests
{
    private HttpClient _browser = null!;

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        _browser = await OwnerBrowserSession.SignInAsync(Host.Factory);
    }

    private Task<HttpResponseMessage> PostAsync(string path, string formName, Dictionary<string, string> fields) =>
        OwnerBrowserSession.PostFormAsync(_browser, path, formName, fields, Ct);

    /// <summary>Sends <paramref name="message"/> from the page at <paramref name="path"/>; returns the conversation id.</summary>
    private async Task<string> SendAsync(string message, string? sessionId = null, string path = "/")
    {
        var response = await PostAsync(path, "chat-send", new() { ["message"] = message, ["session_id"] = sessionId ?? "" });
        var location = RedirectPath(response);
        Assert.StartsWith("/?c=", location);
        return location["/?c=".Length..];
    }

    /// <summary>Where a redirect points on this site (the page answers with an absolute URL).</summary>
    private static string RedirectPath(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!;
        return location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString;
    }

    private Task<string> PageAsync(string path) => _browser.GetStringAsync(path, Ct);

    [Fact]
    public async Task Home_NoConversations_ShowsTheEmptyChatPanel()
    {
        var html = await PageAsync("/");

        Assert.Contains("Talk to Timmy", html);
        Assert.Contains("No conversations yet.", html);
        Assert.Contains("name=\"_handler\" value=\"chat-send\"", html);
        Assert.DoesNotContain("chat-clear", html);
    }

    [Fact]
    public async Task Send_StoresTheTurnAndRedirectsToItsConversation()
    {
        var id = await SendAsync("What is a sat?");

        var messages = await Host.Store.AllMessagesAsync(id, Ct);
        Assert.Equal(["What is a sat?", "hello from the fake"], messages.Select(m => m.Content));
    }

    [Fact]
    public async Task Conversation_AfterSend_ShowsQuestionAnswerProviderAndModel()
    {
        var id = await SendAsync("What is a sat?");

        var html = await PageAsync("/?c=" + id);

        Assert.Contains("<div class=\"chat-body chat-text\">What is a sat?</div>", html);
        Assert.Contains("<p>hello from the fake</p>", html);
        Assert.Contains("<span data-provider>ollama</span>", html);
        Assert.Contains("<span>llama3.2</span>", html);
        Assert.Contains($"href=\"/?c={id}\" title=\"What is a sat?\" class=\"active\" aria-current=\"page\">What is a sat?</a>", html);
        Assert.Contains($"name=\"session_id\" value=\"{id}\"", html);
    }

    [Fact]
    public async Task Send_OverRequestsPerMinute_ShowsANotice_AndSharesTheAllowanceWithTheApi()
    {
        await using var limited = await ChatWebHost.StartAsync(("Timmy:Chat:RequestsPerMinute", "2"));
        var browser = await OwnerBrowserSession.SignInAsync(limited.Factory);
        var send = new Dictionary<string, string> { ["message"] = "hi", ["session_id"] = "" };

        var first = await OwnerBrowserSession.PostFormAsync(browser, "/", "chat-send", send, Ct);
        var second = await browser.PostAsync("/api/v1/chat", JsonContent.Create(new { message = "hi" }), Ct);
        var third = await OwnerBrowserSession.PostFormAsync(browser, "/", "chat-send", send, Ct);

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(HttpStatusCode.OK, third.StatusCode);
        Assert.Contains(ChatRateLimiter.RefusedMessage, await third.Content.ReadAsStringAsync(Ct));
        Assert.Equal(2, limited.Ollama.ChatRequests);
    }

    [Fact]
    public async Task Panel_NoProviderReachable_SaysSoBeforeTheFirstQuestion()
    {
        Host.Ollama.TagsFail = true;

        await Host.Factory.Service<Timmy.Core.Router.RouterService>().ProbeAllAsync(Ct);
        var html = await PageAsync("/?c=new");

        Assert.Contains("data-chat-no-provider", html);
        Assert.Contains("No LLM provider is reachable right now", html);
    }

    [Fact]
    public async Task Panel_ProviderReachable_ShowsNoWarning()
    {
        await Host.Factory.Service<Timmy.Core.Router.RouterService>().ProbeAllAsync(Ct);

        Assert.DoesNotContain("data-chat-no-provider", await PageAsync("/?c=new"));
    }

    [Fact]
    public async Task Conversation_HtmlInQuestionAndAnswer_IsShownAsText()
    {
        Host.Ollama.Default = FakeReply.Answer("<script>alert(1)</script> and **bold**");

        var html = await PageAsync("/?c=" + await SendAsync("<b>hi</b>"));

        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt; and <strong>bold</strong>", html);
        Assert.Contains("&lt;b&gt;hi&lt;/b&gt;", html);
        Assert.DoesNotContain("<script>alert(1)", html);
        Assert.DoesNotContain("<b>hi</b>", html);
    }

    [Fact]
    public async Task Conversation_LongerThanTheMessageLimit_ShowsTheNewestAndLinksToOlder()
    {
        var conversation = await Host.Store.CreateAsync("", Ct);
        var messages = new List<ConversationMessage>();
        for (var i = 0; i <= ChatPanel.MessageLimit; i++)
        {
            messages.Add(await Host.Store.AddMessageAsync(new NewConversationMessage(conversation.Id, ConversationRoles.User, $"message {i}."), Ct));
        }

        var html = await PageAsync("/?c=" + conversation.Id);

        Assert.DoesNotContain("chat-text\">message 0.<", html);
        Assert.Contains("chat-text\">message 1.<", html);
        Assert.Contains($"chat-text\">message {ChatPanel.MessageLimit}.<", html);
        var olderUrl = $"/?c={conversation.Id}&before={messages[1].Id}";
        Assert.Contains($"href=\"{olderUrl.Replace("&", "&amp;")}\">← Older messages<", html);
        var older = await PageAsync(olderUrl);
        Assert.Contains("chat-text\">message 0.<", older);
        Assert.DoesNotContain("chat-text\">message 1.<", older);
        Assert.Contains("Back to the newest", older);
        Assert.Contains($"chat-text\">message {ChatPanel.MessageLimit}.<", await PageAsync($"/?c={conversation.Id}&before=abc"));
        Assert.DoesNotContain("data-chat-older", await PageAsync("/?c=" + await SendAsync("short")));
    }

    [Fact]
    public async Task Send_WithSessionId_ContinuesThatConversation()
    {
        var id = await SendAsync("first");

        var again = await SendAsync("second", id, "/?c=" + id);

        Assert.Equal(id, again);
        Assert.Equal(4, (await Host.Store.GetAsync(id, Ct))!.MessageCount);
        Assert.Single(await Host.Store.ListAsync(10, Ct));
    }

    [Fact]
    public async Task Send_NoProvider_ShowsTheErrorTurn()
    {
        Host.Ollama.Default = FakeReply.Error(500);

        var html = await PageAsync("/?c=" + await SendAsync("anyone?"));

        Assert.Contains("Timmy (error)", html);
        Assert.Contains("No LLM provider is reachable: start Ollama with <code>ollama serve</code>", html);
        Assert.Contains("<strong>backup</strong>: failed", html);
    }

    [Theory]
    [InlineData("   ", "&#x27;message&#x27; must not be empty.")]
    [InlineData("x", "There is no conversation with id &#x27;gone&#x27;.")]
    public async Task Send_Refused_ShowsNoticeAndStoresNothing(string message, string notice)
    {
        var response = await PostAsync("/", "chat-send", new() { ["message"] = message, ["session_id"] = message == "x" ? "gone" : "" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains($"role=\"alert\">{notice}</p>", await response.Content.ReadAsStringAsync(Ct));
        Assert.Empty(await Host.Store.ListAsync(10, Ct));
    }

    [Fact]
    public async Task Send_ConversationDeletedWhileAnswering_ShowsNoticeAndNoConversation()
    {
        Host.Ollama.Default = FakeReply.Held();

        var sending = PostAsync("/?c=new", "chat-send", new() { ["message"] = "slow one", ["session_id"] = "" });
        var id = await DeleteWhileHeldAsync();
        var response = await sending;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync(Ct);
        Assert.Contains("role=\"alert\">The conversation was deleted. Timmy was still answering in it", html);
        Assert.Contains("data-chat-empty", html);
        Assert.DoesNotContain(id, html);
    }

    [Fact]
    public async Task Send_WhileTimmyIsStillAnswering_ShowsNoticeAndStoresNothing()
    {
        Host.Ollama.Default = FakeReply.Held();
        var first = await Host.Factory.Service<TimmyAgent>().BeginAsync(null, "first", Ct);
        var id = first.Conversation.Id;

        var answering = Host.Factory.Service<TimmyAgent>().AnswerAsync(first, Ct);
        await Host.Ollama.WhileHeldAsync(async () =>
        {
            var response = await PostAsync("/?c=" + id, "chat-send", new() { ["message"] = "second", ["session_id"] = id });

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains("role=\"alert\">Timmy is still answering in this conversation.", await response.Content.ReadAsStringAsync(Ct));
            Assert.Equal(["first"], (await Host.Store.AllMessagesAsync(id, Ct)).Select(m => m.Content));
        });

        Assert.False((await answering).IsError);
    }

    [Fact]
    public async Task Clear_EmptiesTheConversationAndKeepsIt()
    {
        var id = await SendAsync("first");

        var response = await PostAsync("/?c=" + id, "chat-clear", new() { ["session_id"] = id });

        Assert.Equal("/?c=" + id, RedirectPath(response));
        Assert.Empty(await Host.Store.AllMessagesAsync(id, Ct));
        Assert.Contains("data-chat-empty", await PageAsync("/?c=" + id));
    }

    [Fact]
    public async Task Delete_RemovesTheConversation()
    {
        var id = await SendAsync("first");

        var response = await PostAsync("/?c=" + id, "chat-delete", new() { ["session_id"] = id });

        Assert.Equal("/", RedirectPath(response));
        Assert.Null(await Host.Store.GetAsync(id, Ct));
        Assert.Contains("That conversation no longer exists.", await PageAsync("/?c=" + id));
    }

    [Fact]
    public async Task NewConversationLink_ShowsAnEmptyLogWithoutASession()
    {
        var id = await SendAsync("first");

        var html = await PageAsync("/?c=new");

        Assert.Contains("data-chat-empty", html);
        Assert.DoesNotContain($"value=\"{id}\"", html);
        Assert.DoesNotContain("chat-clear", html);
    }

    [Fact]
    public async Task Send_WithoutAntiforgeryToken_IsRejected()
    {
        var response = await _browser.PostAsync("/", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "chat-send", ["message"] = "hi",
        }), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(await Host.Store.ListAsync(10, Ct));
    }
}
