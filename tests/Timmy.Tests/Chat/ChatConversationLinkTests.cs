using Timmy.Core.Chat;
using Timmy.Tests.Infrastructure;
using Timmy.Web.Components.Chat;

namespace Timmy.Tests.Chat;

public sealed class ChatConversationLinkTests
{
    private static readonly Conversation Untitled = new("c-1", "", new DateTimeOffset(2026, 11, 30, 14, 5, 0, TimeSpan.Zero), DateTimeOffset.UnixEpoch, 0);

    [Fact]
    public async Task Render_NotShown_IsAPlainLinkWithItsDisplayTitle()
    {
        var html = await ComponentHtml.RenderAsync<ChatConversationLink>(new Dictionary<string, object?> { ["Conversation"] = Untitled });

        Assert.Equal("<li><a href=\"/?c=c-1\" title=\"Untitled, 30 Nov 14:05\">Untitled, 30 Nov 14:05</a></li>", html);
    }

    [Fact]
    public async Task Render_Shown_IsMarkedAsTheCurrentPage()
    {
        var html = await ComponentHtml.RenderAsync<ChatConversationLink>(new Dictionary<string, object?> { ["Conversation"] = Untitled, ["Active"] = true });

        Assert.Contains("class=\"active\" aria-current=\"page\"", html);
    }
}
