using Timmy.Core.Storage;
using Timmy.Core.Upgrades;

namespace Timmy.Tests.Upgrades.Fakes;

/// <summary>Puts a proposal in the queue as the self-modify loop would: a branch of <see cref="TempGitRepository"/> with
/// <paramref name="files"/> changed, a test run, and <see cref="UpgradeService.ProposeAsync"/>.</summary>
public static class TestProposals
{
    /// <summary>A change that keeps the tiny project's tests passing: a new function beside add and greet.</summary>
    public static IReadOnlyDictionary<string, string> PassingChange(string name = "double") => new Dictionary<string, string>
    {
        ["src/calc.sh"] = TempGitRepository.Calc.Replace("greet() {", name + "() { echo $(($1 * 2)); } # \"twice\"\ngreet() {", StringComparison.Ordinal),
        ["docs/notes.md"] = $"# Notes\n\nA tiny project for the upgrade queue's tests.\n\nNow with {name}.\n",
    };

    public static async Task<Upgrade> ProposeAsync(UpgradeService upgrades, TempGitRepository repository, string branch, string description,
        IReadOnlyDictionary<string, string>? files = null, bool testsPassed = true, CancellationToken cancellationToken = default)
    {
        var baseCommit = repository.Head(TempGitRepository.Branch);
        var (commit, worktree) = repository.Propose(branch, files ?? PassingChange());
        var tests = testsPassed
            ? new TestRunResult(true, 0, 2, 0, 1_250, false, TempGitRepository.TestCommand, "2 passed, 0 failed\n")
            : new TestRunResult(false, 1, 1, 1, 1_250, false, TempGitRepository.TestCommand, "FAIL add: expected '5', got '6'\n1 passed, 1 failed\n");
        return await upgrades.ProposeAsync(new NewProposal("Teach the calculator to " + description, description, branch, baseCommit, commit,
            TempGitRepository.Branch, worktree, tests) { Id = SortableIds.New(TimeProvider.System) }, cancellationToken);
    }
}
