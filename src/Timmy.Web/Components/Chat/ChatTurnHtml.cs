using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Timmy.Core.Chat;

namespace Timmy.Web.Components.Chat;

/// <summary>A chat turn rendered by <see cref="ChatMessageView"/> to an HTML string, for the chat stream's
/// <c>done</c> and <c>error</c> events: the page swaps it in, so a finished turn looks exactly as it does after a
/// reload.</summary>
public sealed class ChatTurnHtml(IServiceProvider services, ILoggerFactory loggers)
{
    public async Task<string> RenderAsync(ConversationMessage message)
    {
        await using var renderer = new HtmlRenderer(services, loggers);
        return await renderer.Dispatcher.InvokeAsync(async () =>
        {
            var parameters = ParameterView.FromDictionary(new Dictionary<string, object?> { [nameof(ChatMessageView.Message)] = message });
            return (await renderer.RenderComponentAsync<ChatMessageView>(parameters)).ToHtmlString();
        });
    }
}
