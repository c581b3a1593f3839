using Timmy.Core.Events;
using Timmy.Core.SelfModify;
using Timmy.Core.Upgrades;
using Timmy.Tests.Router.Fakes;
using Timmy.Tests.Upgrades.Fakes;

namespace Timmy.Tests.SelfModify;

public sealed class SelfModifyLoopTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_good_change_is_proposed_on_its_own_branch_with_passing_tests_and_the_target_untouched()
    {
        await using var host = await SelfModifyHost.StartAsync();
        var before = host.Repository.Head(TempGitRepository.Branch);
        host.Model.Enqueue(SelfModifyHost.Files("Add a sub command.", ("src/calc.sh", SelfModifyHost.CalcWithSub)));

        var run = await host.Loop.RunAsync(new SelfModifyRequest("Add a sub command to calc.sh"), Ct);

        Assert.Equal(SelfModifyRunStatus.Proposed, run.Status);
        Assert.Equal(["src/calc.sh"], run.Files);
        var upgrade = await host.Upgrades.GetAsync(run.UpgradeId!, Ct);
        Assert.Equal(UpgradeStatus.Proposed, upgrade.Status);
        Assert.Equal("Add a sub command.", upgrade.Description);
        Assert.StartsWith("self-modify/add-a-sub-command-to-calc-sh-", upgrade.BranchName);
        Assert.Equal(before, upgrade.BaseCommit);
        Assert.Equal(["src/calc.sh"], upgrade.FilesChanged);
        Assert.Contains("+sub() { echo $(($1 - $2)); }", upgrade.Diff);
        Assert.True(upgrade.TestResults!.Passed);
        Assert.Equal((2, 0), (upgrade.TestResults.TestsPassed, upgrade.TestResults.TestsFailed));
        Assert.True(host.Repository.HasBranch(upgrade.BranchName));
        Assert.True(Directory.Exists(upgrade.WorktreePath));
        Assert.Equal(before, host.Repository.Head(TempGitRepository.Branch));
        Assert.DoesNotContain("sub()", host.Repository.Read("src/calc.sh"));
        Assert.True(EventTypePattern.TryParse(EventType.UpgradeProposed, out var proposed, out _));
        var events = await host.Host.Factory.Service<EventReader>().QueryAsync(new EventQuery { Types = [proposed] }, Ct);
        Assert.Single(events.Items, e => e.Data.GetProperty("upgrade_id").GetString() == upgrade.Id);
    }

    [Fact]
    public async Task A_breaking_change_is_retried_with_the_test_output_then_proposed_as_failed()
    {
        await using var host = await SelfModifyHost.StartAsync();
        host.Model.Enqueue(
            SelfModifyHost.Files("Make add faster.", ("src/calc.sh", SelfModifyHost.BrokenCalc)),
            SelfModifyHost.Files("Make add faster, again.", ("src/calc.sh", SelfModifyHost.BrokenCalc)));

        var run = await host.Loop.RunAsync(new SelfModifyRequest("Make add in src/calc.sh faster"), Ct);

        Assert.Equal(SelfModifyRunStatus.Proposed, run.Status);
        Assert.Equal(2, run.Attempts);
        Assert.Equal(2, host.Model.ChatRequests);
        Assert.Contains("FAIL add", host.Model.Requests[1].ToJsonString());
        var upgrade = await host.Upgrades.GetAsync(run.UpgradeId!, Ct);
        Assert.False(upgrade.TestResults!.Passed);
        Assert.Equal((1, 1), (upgrade.TestResults.TestsPassed, upgrade.TestResults.TestsFailed));
        Assert.Contains("tests failed", run.Steps[^1]);
    }

    [Fact]
    public async Task A_change_fixed_on_the_retry_is_proposed_with_passing_tests()
    {
        await using var host = await SelfModifyHost.StartAsync();
        host.Model.Enqueue(
            SelfModifyHost.Files("Broken first.", ("src/calc.sh", SelfModifyHost.BrokenCalc)),
            SelfModifyHost.Files("Add sub.", ("src/calc.sh", SelfModifyHost.CalcWithSub)));

        var run = await host.Loop.RunAsync(new SelfModifyRequest("Add sub to calc.sh"), Ct);

        var upgrade = await host.Upgrades.GetAsync(run.UpgradeId!, Ct);
        Assert.True(upgrade.TestsPassed);
        Assert.Equal("Add sub.", upgrade.Description);
        Assert.DoesNotContain("$(($1 - $2)); }\ngreet", upgrade.Diff.Replace("sub() { echo $(($1 - $2)); }\n", ""));
    }

    [Theory]
    [InlineData("README.md")]
    [InlineData("srcx/evil.sh")]
    [InlineData("../outside.sh")]
    [InlineData(".git/hooks/pre-commit")]
    [InlineData("src/../../outside.sh")]
    [InlineData("/etc/passwd")]
    public async Task A_path_outside_the_allowed_directories_is_refused_and_nothing_is_written(string path)
    {
        await using var host = await SelfModifyHost.StartAsync();
        host.Model.Enqueue(SelfModifyHost.Files("Sneaky.", ("src/calc.sh", SelfModifyHost.CalcWithSub), (path, "echo pwned\n")));

        var run = await host.Loop.RunAsync(new SelfModifyRequest("Change calc.sh"), Ct);

        Assert.Equal(SelfModifyRunStatus.Failed, run.Status);
        Assert.Contains($"Refused '{path}'", run.Error);
        Assert.Null(run.UpgradeId);
        Assert.Empty(await host.Upgrades.ListAsync([], cancellationToken: Ct));
        Assert.DoesNotContain("self-modify/", host.Repository.Git("branch", "--list"));
        Assert.False(Directory.Exists(host.Repository.WorktreeDirectory) && Directory.EnumerateFileSystemEntries(host.Repository.WorktreeDirectory).Any());
        Assert.Equal(1, host.Model.ChatRequests);
    }

    [Fact]
    public async Task A_path_through_a_symbolic_link_is_refused()
    {
        await using var host = await SelfModifyHost.StartAsync();
        var outside = Directory.CreateTempSubdirectory("timmy-outside-").FullName;
        File.CreateSymbolicLink(Path.Combine(host.Repository.Path, "src", "escape"), outside);
        host.Repository.CommitAll("a link out");
        host.Model.Enqueue(SelfModifyHost.Files("Through the link.", ("src/escape/evil.sh", "echo pwned\n")));

        var run = await host.Loop.RunAsync(new SelfModifyRequest("Change calc.sh"), Ct);

        Assert.Equal(SelfModifyRunStatus.Failed, run.Status);
        Assert.Contains("symbolic link", run.Error);
        Assert.Empty(Directory.EnumerateFileSystemEntries(outside));
        Directory.Delete(outside, true);
    }

    [Fact]
    public async Task A_unified_diff_answer_is_applied_and_proposed()
    {
        await using var host = await SelfModifyHost.StartAsync();
        const string diff = """
            --- a/docs/notes.md
            +++ b/docs/notes.md
            @@ -1,3 +1,4 @@
             # Notes
             
             A tiny project for the upgrade queue's tests.
            +It can add and greet.

            """;
        host.Model.Enqueue(FakeReply.Answer(System.Text.Json.JsonSerializer.Serialize(new { summary = "Say what it does.", diff })));

        var run = await host.Loop.RunAsync(new SelfModifyRequest("Say in docs/notes.md what the project does"), Ct);

        Assert.Equal(SelfModifyRunStatus.Proposed, run.Status);
        var upgrade = await host.Upgrades.GetAsync(run.UpgradeId!, Ct);
        Assert.Equal(["docs/notes.md"], upgrade.FilesChanged);
        Assert.Contains("+It can add and greet.", upgrade.Diff);
    }

    [Fact]
    public async Task An_unusable_answer_is_sent_back_with_the_reason_and_the_next_one_is_used()
    {
        await using var host = await SelfModifyHost.StartAsync();
        host.Model.Enqueue(FakeReply.Answer("Sure! I would change the file like so."), SelfModifyHost.Files("Add sub.", ("src/calc.sh", SelfModifyHost.CalcWithSub)));

        var run = await host.Loop.RunAsync(new SelfModifyRequest("Add sub to calc.sh"), Ct);

        Assert.Equal(SelfModifyRunStatus.Proposed, run.Status);
        Assert.Contains("could not be used", host.Model.Requests[1].ToJsonString());
    }

    [Fact]
    public async Task A_dry_run_shows_the_change_without_a_branch_a_worktree_or_a_proposal()
    {
        await using var host = await SelfModifyHost.StartAsync();
        host.Model.Enqueue(SelfModifyHost.Files("Add sub.", ("src/calc.sh", SelfModifyHost.CalcWithSub)));

        var run = await host.Loop.RunAsync(new SelfModifyRequest("Add sub to calc.sh") { DryRun = true }, Ct);

        Assert.Equal(SelfModifyRunStatus.DryRun, run.Status);
        Assert.Contains("+sub() { echo $(($1 - $2)); }", run.Diff);
        Assert.Contains("+++ b/src/calc.sh", run.Diff);
        Assert.Empty(await host.Upgrades.ListAsync([], cancellationToken: Ct));
        Assert.DoesNotContain("self-modify/", host.Repository.Git("branch", "--list"));
    }

    [Fact]
    public async Task A_proposal_over_the_size_limit_is_refused_and_its_branch_removed()
    {
        await using var host = await SelfModifyHost.StartAsync(("Timmy:Upgrades:MaxChangedLines", "5"));
        var big = string.Concat(Enumerable.Range(1, 20).Select(i => $"line {i}\n"));
        host.Model.Enqueue(SelfModifyHost.Files("Lots of notes.", ("docs/big.md", big)));

        var run = await host.Loop.RunAsync(new SelfModifyRequest("Write notes"), Ct);

        Assert.Equal(SelfModifyRunStatus.Failed, run.Status);
        Assert.Contains("limited to 5 changed lines", run.Error);
        Assert.Empty(await host.Upgrades.ListAsync([], cancellationToken: Ct));
        Assert.DoesNotContain("self-modify/", host.Repository.Git("branch", "--list"));
    }

    [Fact]
    public async Task Target_files_outside_the_allowed_directories_are_refused_before_the_run_starts()
    {
        await using var host = await SelfModifyHost.StartAsync();

        var refused = Assert.Throws<Timmy.Core.Refusals.InvalidFieldException>(() =>
            host.Loop.Start(new SelfModifyRequest("Change it") { TargetFiles = ["src/calc.sh", "../etc/passwd"] }));

        Assert.Equal("target_files", refused.Field);
        Assert.Contains("'../etc/passwd'", refused.Message);
        Assert.Null(host.Loop.Current);
        Assert.Equal(0, host.Model.ChatRequests);
    }

    [Fact]
    public async Task Given_target_files_are_the_ones_the_model_is_shown()
    {
        await using var host = await SelfModifyHost.StartAsync();
        host.Model.Enqueue(SelfModifyHost.Files("Notes.", ("docs/notes.md", "# Notes\n\nMore.\n")));

        var run = await host.Loop.RunAsync(new SelfModifyRequest("Improve calc.sh's notes") { TargetFiles = ["docs/notes.md"] }, Ct);

        Assert.Equal(["docs/notes.md"], run.Files);
        Assert.Contains("=== docs/notes.md ===", host.Model.Requests[0].ToJsonString());
        Assert.DoesNotContain("=== src/calc.sh ===", host.Model.Requests[0].ToJsonString());
    }

    [Fact]
    public async Task The_loop_is_refused_unless_enabled()
    {
        await using var host = await SelfModifyHost.StartAsync(("Timmy:Upgrades:SelfModifyEnabled", "false"));

        var refused = Assert.Throws<SelfModifyDisabledException>(() => host.Loop.Start(new SelfModifyRequest("Add sub")));

        Assert.Contains("SelfModifyEnabled", refused.Detail);
        Assert.Equal(0, host.Model.ChatRequests);
    }

    [Fact]
    public async Task A_second_run_on_the_same_repository_is_busy_until_the_first_ends()
    {
        await using var host = await SelfModifyHost.StartAsync();
        host.Model.Enqueue(new FakeReply(FakeReplyKind.Held, System.Text.Json.JsonSerializer.Serialize(new { summary = "Add sub.", files = new[] { new { path = "src/calc.sh", content = SelfModifyHost.CalcWithSub } } })));

        var first = host.Loop.Start(new SelfModifyRequest("Add sub to calc.sh"));
        var busy = Assert.Throws<SelfModifyBusyException>(() => host.Loop.Start(new SelfModifyRequest("Something else")));

        Assert.Equal(first.Id, busy.RunId);
        Assert.Equal(first.Id, host.Loop.Current?.Id);
        host.Model.ReleaseHeld.SetResult();
        await Infrastructure.Eventually.TrueAsync(() => Task.FromResult(host.Loop.Get(first.Id)!.IsFinished), "the first run to finish", TimeSpan.FromSeconds(60));
        Assert.Equal(SelfModifyRunStatus.Proposed, host.Loop.Get(first.Id)!.Status);
        Assert.Null(host.Loop.Current);
    }
}
