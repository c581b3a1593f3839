using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Timmy.Core.Chat;
using Timmy.Tests.Infrastructure;
using Timmy.Tests.Router;
using Timmy.Tests.Router.Fakes;

namespace Timmy.Tests.Chat;

/// <summary>Base for tests of Timmy through the real cascade router and the two loopback fakes (Ollama first,
/// answering "hello from the fake"; then the OpenAI fake, answering "from openai"; no retries). The router
/// starts before each test; a class adds its settings by overriding <see cref="Configure"/> and calling this one.</summary>
public abstract class LoopbackChatTests : LoopbackRouterTests
{
    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    protected TimmyAgent Agent => Harness.Services.GetRequiredService<TimmyAgent>();

    protected IConversationStore Store => Harness.Services.GetRequiredService<IConversationStore>();

    /// <summary>Warnings and errors logged while the test runs.</summary>
    protected LogCollector Logs { get; } = new();

    protected override RouterHarness Configure(RouterHarness harness)
    {
        OpenAi.Default = FakeReply.Answer("from openai");
        return harness.Set("Retries", "0").With(services => services.AddTimmyAgent().AddSingleton<ILoggerProvider>(Logs));
    }

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        await Harness.StartAsync();
    }

    /// <summary>The stored turns of a conversation as "role: content" lines.</summary>
    protected async Task<IReadOnlyList<string>> TurnsAsync(string conversationId) =>
        (await Store.AllMessagesAsync(conversationId, Ct)).Select(m => $"{m.Role}: {m.Content}").ToList();
}
