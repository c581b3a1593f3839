using Timmy.Core.Chat;
using Timmy.Tests.Infrastructure;
using Timmy.Web.Components.Chat;

namespace Timmy.Tests.Chat;

public sealed class ChatMessageViewTests
{
    [Fact]
    public async Task Render_AnAnswer_NamesProviderModelAndLatency()
    {
        var html = await RenderAsync(Answer("Stack **sats**", latencyMs: 812.4));

        Assert.Contains("<strong>sats</strong>", html);
        Assert.Contains("<span data-provider>ollama</span> · <span>llama3.2</span> · <span>812 ms</span>", html);
        Assert.DoesNotContain("data-chat-stopped", html);
    }

    [Fact]
    public async Task Render_AStoppedAnswer_ShowsWhatArrivedLabelledStopped()
    {
        var html = await RenderAsync(Answer("Stack **sats**", latencyMs: null));

        Assert.Contains("<strong>sats</strong>", html);
        Assert.Contains("<span data-provider>ollama</span> · <span>llama3.2</span>", html);
        Assert.Contains(">stopped</span>", html);
        Assert.DoesNotContain(" ms<", html);
    }

    [Fact]
    public async Task Render_AnAnswerStoppedBeforeAnyText_SaysSo()
    {
        var html = await RenderAsync(Answer("", latencyMs: null) with { Provider = null, Model = null });

        Assert.Contains("Stopped before any text arrived.", html);
        Assert.Contains(">stopped</span>", html);
        Assert.DoesNotContain("data-provider", html);
    }

    private static ConversationMessage Answer(string content, double? latencyMs) =>
        new(7, "c-1", ConversationRoles.Assistant, content, "ollama", "llama3.2", false, latencyMs, DateTimeOffset.UnixEpoch);

    private static Task<string> RenderAsync(ConversationMessage message) =>
        ComponentHtml.RenderAsync<ChatMessageView>(new Dictionary<string, object?> { ["Message"] = message });
}
