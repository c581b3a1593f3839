using System.Text.Json;
using Timmy.Core.Storage;
using Timmy.Core.Upgrades;
using Timmy.Tests.Infrastructure;
using Timmy.Tests.Swarm;
using Timmy.Tests.Upgrades.Fakes;

namespace Timmy.Tests.Upgrades.Api;

/// <summary>The real host changing a throwaway repository (<see cref="TempGitRepository"/>): its tests as the test
/// command, its worktree folder, and the approval PIN <see cref="Pin"/>. <see cref="ProposeAsync"/> does what the
/// self-modify loop does at its end: a branch with a change in a worktree, handed to the queue.</summary>
public sealed class UpgradeTestHost : IAsyncDisposable
{
    public const string Pin = "4321";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public UpgradeTestHost()
    {
        Factory.Settings["Timmy:Upgrades:Repository"] = Repo.Path;
        Factory.Settings["Timmy:Upgrades:TestCommand"] = TempGitRepository.TestCommand;
        Factory.Settings["Timmy:Upgrades:WorktreeDirectory"] = Repo.WorktreeDirectory;
        Factory.Settings["Timmy:Upgrades:ApprovalPin"] = Pin;
    }

    public TempGitRepository Repo { get; } = TempGitRepository.Create();

    public TimmyWebFactory Factory { get; } = new();

    /// <summary>A proposal changing <paramref name="path"/> to <paramref name="content"/>, with passing test results.</summary>
    public async Task<Upgrade> ProposeAsync(string path = "docs/notes.md", string content = "# Notes\n\nChanged by an upgrade.\n")
    {
        var id = SortableIds.New(TimeProvider.System);
        var branch = "timmy/upgrade-" + id;
        var baseCommit = Repo.Head(TempGitRepository.Branch);
        var (commit, worktree) = Repo.Propose(branch, new Dictionary<string, string> { [path] = content });
        var tests = new TestRunResult(true, 0, 2, 0, 120, false, TempGitRepository.TestCommand, "2 passed, 0 failed");
        return await Factory.Service<UpgradeService>().ProposeAsync(
            new NewProposal("Say more in the notes", "Adds a line to the notes.", branch, baseCommit, commit, TempGitRepository.Branch, worktree, tests)
            {
                Id = id,
            }, Ct);
    }

    /// <summary>Waits until the upgrade reaches <paramref name="status"/> (apply runs in the background).</summary>
    public async Task<JsonElement> WaitForStatusAsync(HttpClient client, string id, string status)
    {
        var upgrade = default(JsonElement);
        await Eventually.TrueAsync(async () =>
        {
            upgrade = await client.GetJsonAsync($"/api/v1/upgrades/{id}");
            return upgrade.GetProperty("status").GetString() == status;
        }, $"upgrade {id} to become {status}", TimeSpan.FromSeconds(60));
        return upgrade;
    }

    public async ValueTask DisposeAsync()
    {
        await Factory.DisposeAsync();
        Repo.Dispose();
    }
}
