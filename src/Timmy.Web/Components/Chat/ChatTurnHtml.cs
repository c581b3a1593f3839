using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Timmy.Core.Chat;

namespace Timmy.Web.Components.Chat;

/// <summary>Parts of the chat panel rendered to HTML strings for the chat stream's events: a turn by
/// <see cref="ChatMessageView"/> (<c>done</c>, <c>error</c>) and a conversation's list entry by
/// <see cref="ChatConversationLink"/> (<c>start</c>). The page swaps them in, so they look exactly as after a
/// reload.</summary>
public sealed class ChatTurnHtml(IServiceProvider services, ILoggerFactory loggers)
{
    public Task<string> RenderAsync(ConversationMessage message) =>
        RenderAsync<ChatMessageView>(new() { [nameof(ChatMessageView.Message)] = message });

    /// <summary>The conversation as the panel lists it, marked as the one shown.</summary>
    public Task<string> RenderLinkAsync(Conversation conversation) =>
        RenderAsync<ChatConversationLink>(new()
        {
            [nameof(ChatConversationLink.Conversation)] = conversation,
            [nameof(ChatConversationLink.Active)] = true,
        });

    private async Task<string> RenderAsync<TComponent>(Dictionary<string, object?> parameters) where TComponent : IComponent
    {
        await using var renderer = new HtmlRenderer(services, loggers);
        return await renderer.Dispatcher.InvokeAsync(async () =>
            (await renderer.RenderComponentAsync<TComponent>(ParameterView.FromDictionary(parameters))).ToHtmlString());
    }
}
