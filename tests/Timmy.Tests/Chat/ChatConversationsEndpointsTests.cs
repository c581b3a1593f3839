using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Timmy.Core.Chat;
using Timmy.Core.Security;

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
        Assert.Empty(await Host.Store.MessagesAsync(id, Ct));
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
