using Timmy.Core.SelfModify;
using Timmy.Core.Upgrades;
using Timmy.Tests.Chat;
using Timmy.Tests.Router.Fakes;
using Timmy.Tests.Upgrades.Fakes;

namespace Timmy.Tests.SelfModify;

/// <summary>The real host with the self-modify loop on, changing a <see cref="TempGitRepository"/> and asking the loopback
/// fake Ollama, whose scripted answers are the model's changes.</summary>
public sealed class SelfModifyHost : IAsyncDisposable
{
    private SelfModifyHost(TempGitRepository repository, ChatWebHost host)
    {
        Repository = repository;
        Host = host;
    }

    public TempGitRepository Repository { get; }

    public ChatWebHost Host { get; }

    public FakeOllamaServer Model => Host.Ollama;

    public SelfModifyLoop Loop => Host.Factory.Service<SelfModifyLoop>();

    public UpgradeService Upgrades => Host.Factory.Service<UpgradeService>();

    public static async Task<SelfModifyHost> StartAsync(params (string Key, string Value)[] settings)
    {
        var repository = TempGitRepository.Create();
        (string, string)[] defaults =
        [
            ("Timmy:Upgrades:SelfModifyEnabled", "true"),
            ("Timmy:Upgrades:Repository", repository.Path),
            ("Timmy:Upgrades:WorktreeDirectory", repository.WorktreeDirectory),
            ("Timmy:Upgrades:TestCommand", TempGitRepository.TestCommand),
            ("Timmy:Upgrades:TestTimeout", "00:00:30"),
            ("Timmy:Upgrades:MaxRetries", "1"),
        ];
        return new SelfModifyHost(repository, await ChatWebHost.StartAsync([.. defaults, .. settings]));
    }

    /// <summary>The model's answer replacing whole files.</summary>
    public static FakeReply Files(string summary, params (string Path, string Content)[] files) =>
        FakeReply.Answer(System.Text.Json.JsonSerializer.Serialize(new
        {
            summary,
            files = files.Select(f => new { path = f.Path, content = f.Content }),
        }));

    /// <summary>calc.sh with a <c>sub</c> command added (the tests still pass).</summary>
    public static string CalcWithSub => TempGitRepository.Calc.Replace("greet()", "sub() { echo $(($1 - $2)); }\ngreet()");

    /// <summary>calc.sh whose <c>add</c> subtracts (the add test fails).</summary>
    public static string BrokenCalc => TempGitRepository.Calc.Replace("$(($1 + $2))", "$(($1 - $2))");

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        Repository.Dispose();
    }
}
