using System.Diagnostics;
using Timmy.Core.Chat;
using Timmy.Core.Events;
using Timmy.Core.Security;
using Timmy.Tests.Infrastructure;

namespace Timmy.Tests.Storage;

/// <summary>A real process (tests/Timmy.CrashProbe) makes a logged change through Timmy's services and dies
/// abruptly between the store's write and its event's, between the event's and the commit, or just after the
/// commit; the database then holds the change and its event both, or neither.</summary>
public sealed class WriteTransactionCrashTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string, string> Cases() => new(
        from change in new[] { "answer", "token-create", "token-revoke", "clear", "delete" }
        from point in new[] { "BeforeEvent", "BeforeCommit", "AfterCommit" }
        select (change, point));

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task ProcessDies_DuringALoggedChange_LeavesTheChangeAndItsEventBothOrNeither(string change, string point)
    {
        await using var db = await TestDatabase.CreateAsync();
        var id = await RunProbeAsync(db, change, point);

        var (changed, logged) = await ObserveAsync(db, change, id);

        Assert.Equal(point == "AfterCommit", changed);
        Assert.Equal(changed, logged);
    }

    private static async Task<string> RunProbeAsync(TestDatabase db, string change, string point)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { ProbePath(), db.Directory, change, point })
        {
            start.ArgumentList.Add(arg);
        }
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync(Ct);
        var stderr = process.StandardError.ReadToEndAsync(Ct);
        await process.WaitForExitAsync(Ct);

        Assert.True(process.ExitCode != 0, "the probe should have died");
        Assert.Contains($"crash probe: dying at {point}", await stderr);
        return (await stdout).Trim();
    }

    private static async Task<(bool Changed, bool Logged)> ObserveAsync(TestDatabase db, string change, string id)
    {
        var conversations = new SqliteConversationStore(db.Connections, db.Events, TimeProvider.System);
        var tokens = await new SqliteAuthStore(db.Connections, db.Events).ListTokensAsync(Ct);
        var events = await db.StoredEventsAsync();
        bool Logged(string type) => events.Any(e => e.EventType == type);
        return change switch
        {
            "answer" => ((await conversations.MessagesAsync(id, 10, cancellationToken: Ct)).Messages.Any(m => m.Role == ConversationRoles.Assistant),
                Logged(EventType.ChatAnswered)),
            "token-create" => (tokens.Count == 1, Logged(EventType.AuthTokenCreated)),
            "token-revoke" => (tokens.Single(t => t.Id == id).IsRevoked, Logged(EventType.AuthTokenRevoked)),
            "clear" => ((await conversations.GetAsync(id, Ct))!.MessageCount == 0, Logged(EventType.ChatConversationCleared)),
            "delete" => (await conversations.GetAsync(id, Ct) is null, Logged(EventType.ChatConversationDeleted)),
            _ => throw new ArgumentException(change, nameof(change)),
        };
    }

    /// <summary>tests/Timmy.Tests/bin/&lt;configuration&gt;/&lt;tfm&gt;/ → tests/Timmy.CrashProbe/bin/&lt;configuration&gt;/&lt;tfm&gt;/.</summary>
    private static string ProbePath()
    {
        var tfm = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory));
        var configuration = tfm.Parent!;
        var tests = configuration.Parent!.Parent!.Parent!;
        return Path.Combine(tests.FullName, "Timmy.CrashProbe", "bin", configuration.Name, tfm.Name, "Timmy.CrashProbe.dll");
    }
}
