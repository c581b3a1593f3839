using Timmy.Core.Chat;
using Timmy.Tests.Infrastructure;
using Timmy.Tests.Router.Fakes;

namespace Timmy.Tests.Chat;

/// <summary>The real host in process answering through the loopback fake Ollama ("ollama"), with a second
/// provider on a closed port ("backup") so that "no provider" has two reasons to list; no retries.</summary>
public sealed class ChatWebHost : IAsyncDisposable
{
    public const string ClosedUrl = "http://127.0.0.1:9";

    private ChatWebHost(FakeOllamaServer ollama, TimmyWebFactory factory)
    {
        Ollama = ollama;
        Factory = factory;
    }

    public FakeOllamaServer Ollama { get; }

    public TimmyWebFactory Factory { get; }

    public IConversationStore Store => Factory.Service<IConversationStore>();

    /// <summary>Starts the fake and the host; <paramref name="settings"/> are added to (or override) the defaults.</summary>
    public static async Task<ChatWebHost> StartAsync(params (string Key, string Value)[] settings)
    {
        var ollama = await FakeOllamaServer.StartNewAsync();
        var factory = new TimmyWebFactory();
        factory.Settings["Timmy:Router:Retries"] = "0";
        Provider(factory, 0, "ollama", ollama.BaseUrl);
        Provider(factory, 1, "backup", ClosedUrl);
        foreach (var (key, value) in settings)
        {
            factory.Settings[key] = value;
        }
        _ = factory.Server;
        return new ChatWebHost(ollama, factory);
    }

    private static void Provider(TimmyWebFactory factory, int index, string name, string url)
    {
        var prefix = $"Timmy:Router:Providers:{index}:";
        factory.Settings[prefix + "Name"] = name;
        factory.Settings[prefix + "Type"] = "ollama";
        factory.Settings[prefix + "Url"] = url;
        factory.Settings[prefix + "Priority"] = (index + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
        factory.Settings[prefix + "Models:0:Name"] = "llama3.2";
    }

    public async ValueTask DisposeAsync()
    {
        await Factory.DisposeAsync();
        await Ollama.DisposeAsync();
    }
}
