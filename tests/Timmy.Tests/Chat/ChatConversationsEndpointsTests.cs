using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Timmy.Core.Chat;
using Timmy.Core.Security;
using Timmy.Tests.Router.Fakes;
using Timmy.Web.Api.Chat;

namespace Timmy.Tests.Chat;

/// <summary><c>/api/v1/chat/conversations</c>: list, create, get, clear, delete.</summary>
public sealed class ChatConversationsEndpointsTests : ChatWebTests
{
    private const string Path = "/api/v1/chat/conversations";
    private async Task<string> ConversationWithTurnsAsync(string question)
    {
        var conversation = await Host.Store.CreateAsync("", Ct);
        await Host.Store.AddMessageAsync(new NewConversationMessage(conversation.Id, ConversationRoles.User, question), Ct);
        await Host.Store.AddMessageAsync(new NewConversationMessage(conversation.Id, ConversationRoles.Assistant, "answer", "ollama", "llama3.2", false, 12.5), Ct);
        return conversation.Id;
    }

    private Task<JsonElement> GetJsonAsync(string path) => Api.GetFromJsonAsync<JsonElement>(path, Ct);

    private static List<string?> Contents(JsonElement detail) =>
        detail.GetProperty("messages").EnumerateArray().Select(m => m.GetProperty("content").GetString()).ToList();

    [Fact]
    public async Task Clear_WhileTimmyAnswers_Returns409AndKeepsTheQuestion()
    {
        Host.Ollama.Default = FakeReply.Held();
        var asking = Api.PostAsJsonAsync("/api/v1/chat", new { message = "first" }, Ct);
        HttpResponseMessage? clear = null;
        var id = "";
        await Host.Ollama.WhileHeldAsync(async () =>
        {
            id = Assert.Single(await Host.Store.ListAsync(10, Ct)).Id;
            clear = await Api.PostAsync($"{Path}/{id}/clear", null, Ct);
        });

        await AssertConflictAsync(clear!, ConversationBusyException.Headline, ConversationBusyException.ClearAdvice, id);
        Assert.Equal(HttpStatusCode.OK, (await asking).StatusCode);
        Assert.Equal(2, (await Host.Store.AllMessagesAsync(id, Ct)).Count);
        Assert.Equal(HttpStatusCode.OK, (await Api.PostAsync($"{Path}/{id}/clear", null, Ct)).StatusCode);
    }

    [Fact]
    public async Task Create_Returns201WithLocationAndEmptyConversation()
    {
        var response = await Api.PostAsync(Path, null, Ct);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var json = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        var id = json.GetProperty("id").GetString();
        Assert.Equal($"{Path}/{id}", response.Headers.Location!.OriginalString);
        Assert.Equal("", json.GetProperty("title").GetString());
        Assert.Equal(0, json.GetProperty("message_count").GetInt32());
        Assert.NotNull(await Host.Store.GetAsync(id!, Ct));
    }

    [Fact]
    public async Task List_NewestFirstWithTitlesAndCounts()
    {
        var older = await ConversationWithTurnsAsync("older question");
        var newer = await ConversationWithTurnsAsync("newer question");

        var json = await GetJsonAsync(Path);

        Assert.Equal([newer, older], json.EnumerateArray().Select(c => c.GetProperty("id").GetString()));
        Assert.Equal("newer question", json[0].GetProperty("title").GetString());
        Assert.Equal(2, json[0].GetProperty("message_count").GetInt32());
        Assert.Single((await GetJsonAsync(Path + "?limit=1")).EnumerateArray());
    }

    [Fact]
    public async Task List_Empty_ReturnsEmptyArray()
    {
        Assert.Equal(0, (await GetJsonAsync(Path)).GetArrayLength());
    }

    [Theory]
    [InlineData("0")]
    [InlineData("201")]
    public async Task List_LimitOutOfRange_Returns400(string limit)
    {
        var response = await Api.GetAsync($"{Path}?limit={limit}", Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors").TryGetProperty("limit", out _));
    }

    [Fact]
    public async Task Get_ReturnsConversationAndMessagesInOrder()
    {
        var id = await ConversationWithTurnsAsync("question");

        var json = await GetJsonAsync($"{Path}/{id}");

        Assert.Equal(id, json.GetProperty("conversation").GetProperty("id").GetString());
        var messages = json.GetProperty("messages").EnumerateArray().ToList();
        Assert.Equal(["user", "assistant"], messages.Select(m => m.GetProperty("role").GetString()));
        Assert.Equal("ollama", messages[1].GetProperty("provider").GetString());
        Assert.Equal(12.5, messages[1].GetProperty("latency_ms").GetDouble());
        Assert.False(messages[1].GetProperty("fallback_used").GetBoolean());
        Assert.False(json.GetProperty("has_older").GetBoolean());
    }

    [Fact]
    public async Task Get_LimitAndBeforeId_PagesBackOldestFirstWithinAPage()
    {
        var id = await ConversationWithTurnsAsync("first");
        await Host.Store.AddMessageAsync(new NewConversationMessage(id, ConversationRoles.User, "second"), Ct);

        var newest = await GetJsonAsync($"{Path}/{id}?limit=2");
        var firstId = newest.GetProperty("messages")[0].GetProperty("id").GetInt64();
        var older = await GetJsonAsync($"{Path}/{id}?limit=2&before_id={firstId}");

        Assert.Equal(["answer", "second"], Contents(newest));
        Assert.True(newest.GetProperty("has_older").GetBoolean());
        Assert.Equal(["first"], Contents(older));
        Assert.False(older.GetProperty("has_older").GetBoolean());
        Assert.Equal(id, older.GetProperty("conversation").GetProperty("id").GetString());
    }

    [Fact]
    public async Task Get_NoLimit_ReturnsTheNewestDefaultPage()
    {
        var conversation = await Host.Store.CreateAsync("", Ct);
        for (var i = 0; i <= MessagePageQuery.DefaultLimit; i++)
        {
            await Host.Store.AddMessageAsync(new NewConversationMessage(conversation.Id, ConversationRoles.User, $"m{i}"), Ct);
        }

        var json = await GetJsonAsync($"{Path}/{conversation.Id}");

        Assert.Equal(MessagePageQuery.DefaultLimit, json.GetProperty("messages").GetArrayLength());
        Assert.Equal("m1", Contents(json)[0]);
        Assert.True(json.GetProperty("has_older").GetBoolean());
    }

    [Theory]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=501", "limit")]
    [InlineData("before_id=0", "before_id")]
    [InlineData("before_id=-5", "before_id")]
    [InlineData("before_id=abc", "before_id")]
    [InlineData("limit=ten", "limit")]
    public async Task Get_BadPaging_Returns400NamingTheField(string query, string field)
    {
        var id = await ConversationWithTurnsAsync("question");

        var response = await Api.GetAsync($"{Path}/{id}?{query}", Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors").TryGetProperty(field, out _));
    }

    [Fact]
    public async Task Clear_DeletesMessagesKeepsConversation()
    {
        var id = await ConversationWithTurnsAsync("question");

        var response = await Api.PostAsync($"{Path}/{id}/clear", null, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(0, (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("message_count").GetInt32());
        Assert.Equal(0, (await GetJsonAsync($"{Path}/{id}")).GetProperty("messages").GetArrayLength());
    }

    [Fact]
    public async Task Delete_Returns204AndTheConversationIsGone()
    {
        var id = await ConversationWithTurnsAsync("question");

        var response = await Api.DeleteAsync($"{Path}/{id}", Ct);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Api.GetAsync($"{Path}/{id}", Ct)).StatusCode);
        Assert.Empty(await Host.Store.AllMessagesAsync(id, Ct));
    }

    [Theory]
    [InlineData("GET", "")]
    [InlineData("POST", "/clear")]
    [InlineData("DELETE", "")]
    public async Task UnknownConversation_Returns404Problem(string method, string suffix)
    {
        var response = await Api.SendAsync(new HttpRequestMessage(new HttpMethod(method), $"{Path}/nope{suffix}"), Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("There is no conversation with id 'nope'.", (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task List_TokenWithoutChatScope_Returns403()
    {
        var client = await Host.Factory.CreateOwnerClientAsync(ApiScopes.EventsRead);

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(Path, Ct)).StatusCode);
    }
}
