using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Timmy.Bench.Reporting;
using Timmy.Core.Events;
using Timmy.Core.Security;
using Timmy.Core.SelfModify;
using Timmy.Core.Storage;
using Timmy.Core.Upgrades;
using Timmy.Core.Upgrades.Git;
using Timmy.Tests.Upgrades.Fakes;

namespace Timmy.Bench.Upgrades;

/// <summary>
/// The upgrade queue's own cost, without a model and with a test command that does nothing (<c>true</c>), so the
/// figures are what the queue adds to a build: storing a proposal of the largest allowed size (its diff read from git,
/// hashed and stored), applying one (squash onto a target that moved, a worktree, the command, the branch move and the
/// clean-up) and rolling one back; and the loop's file search over this repository, which runs before the model is asked.
/// </summary>
public static class UpgradesBenchmark
{
    private const string Pin = "bench-pin";

    public static async Task<int> RunAsync(BenchArguments options)
    {
        var rounds = options.Int("rounds", 20);
        var lines = options.Int("lines", 10_000);
        var report = new ResultFile("upgrades", options);
        report.Header("Upgrade queue: propose, apply, roll back; the loop's file search",
            $"dotnet run -c Release --project bench/Timmy.Bench -- upgrades --rounds {rounds} --lines {lines}");
        report.Line($"load:     {MachineFacts.LoadAverage()} (1/5/15 min at start), {Environment.ProcessorCount} cores");

        using var repository = TempGitRepository.Create();
        var data = Directory.CreateTempSubdirectory("timmy-bench-upgrades-").FullName;
        await using var services = Build(repository, data, lines);
        await services.GetRequiredService<Migrator>().MigrateAsync();
        var upgrades = services.GetRequiredService<UpgradeService>();
        var applier = services.GetRequiredService<UpgradeApplier>();

        var propose = new List<long>();
        var big = string.Concat(Enumerable.Range(0, lines).Select(i => $"line {i}\n"));
        for (var i = 0; i < rounds; i++)
        {
            var branch = $"self-modify/big-{i}";
            var (commit, worktree) = repository.Propose(branch, new Dictionary<string, string> { [$"docs/big-{i}.md"] = big });
            var started = Stopwatch.GetTimestamp();
            var upgrade = await upgrades.ProposeAsync(Proposal(repository, branch, commit, worktree));
            propose.Add(Stopwatch.GetTimestamp() - started);
            await upgrades.RejectAsync(upgrade.Id, "bench");
        }
        Report(report, $"propose a {lines:N0}-line change (git diff, SHA-256, insert + event)", propose);

        var apply = new List<long>();
        var applied = new List<string>();
        for (var i = 0; i < rounds; i++)
        {
            var branch = $"self-modify/small-{i}";
            var (commit, worktree) = repository.Propose(branch, new Dictionary<string, string> { [$"docs/note-{i}.md"] = $"note {i}\n" });
            var upgrade = await upgrades.ProposeAsync(Proposal(repository, branch, commit, worktree));
            await upgrades.ApproveAsync(upgrade.Id, "bench", Pin);
            var started = Stopwatch.GetTimestamp();
            var outcome = await applier.ApplyAsync(upgrade.Id, CancellationToken.None);
            apply.Add(Stopwatch.GetTimestamp() - started);
            if (outcome.Status != UpgradeStatus.Applied)
            {
                throw new InvalidOperationException($"apply {i} ended {outcome.Status}: {outcome.ErrorMessage}");
            }
            applied.Add(upgrade.Id);
        }
        Report(report, "apply onto a moved target (squash, worktree, `true`, branch move, clean-up)", apply);

        var rollback = new List<long>();
        foreach (var id in Enumerable.Reverse(applied))
        {
            var started = Stopwatch.GetTimestamp();
            await upgrades.RollbackAsync(id, "bench");
            rollback.Add(Stopwatch.GetTimestamp() - started);
        }
        Report(report, "roll back (revert commit, branch move, state + event)", rollback);

        FileSearch(report, options.Int("searches", 5));
        report.Line();
        report.Line($"load:     {MachineFacts.LoadAverage()} (1/5/15 min at the end)");
        report.Line($"written:  {report.Save()}");
        Directory.Delete(data, recursive: true);
        return 0;
    }

    private static NewProposal Proposal(TempGitRepository repository, string branch, string commit, string worktree) =>
        new("bench", "A bench change.", branch, repository.Head(TempGitRepository.Branch), commit, TempGitRepository.Branch, worktree,
            new TestRunResult(true, 0, 2, 0, 1, false, "true", ""))
        { Id = SortableIds.New(TimeProvider.System) };

    /// <summary>The loop's search for relevant files in this repository (every allowed file read from git and scored).</summary>
    private static void FileSearch(ResultFile report, int searches)
    {
        var root = UpgradeRepository.Discover(ResultFile.RepositoryRoot());
        if (root is null)
        {
            report.Line("file search: skipped (not run from a git checkout)");
            return;
        }
        var repository = new UpgradeRepository(root);
        var head = repository.TipOf(repository.TargetBranch(null))!;
        const string instruction = "Make the circuit breaker wait longer before it tries a provider again";
        var times = new List<long>();
        IReadOnlyList<string> picked = [];
        var candidates = 0;
        for (var i = 0; i < searches; i++)
        {
            var started = Stopwatch.GetTimestamp();
            using var snapshot = new CommitSnapshot(root, head);
            var files = snapshot.Files().Where(f => f.Size <= 256 * 1024
                && PathRules.Check(root, f.Path, ["src", "tests", "docs"], out _) is not null).Select(f => f.Path).ToList();
            picked = TargetFilePicker.Pick(instruction, [], files, snapshot.Read, 8);
            times.Add(Stopwatch.GetTimestamp() - started);
            candidates = files.Count;
        }
        Report(report, $"the loop's file search over this repository ({candidates:N0} allowed files, read from git)", times);
        report.Line($"  \"{instruction}\" → {string.Join(", ", picked.Take(4))}…");
    }

    private static void Report(ResultFile report, string what, List<long> ticks)
    {
        var p = new Percentiles(ticks);
        report.Line();
        report.Line($"-- {what} --");
        report.Line($"p50 {p.Ms(50),8:F1} ms   p95 {p.Ms(95),8:F1} ms   max {p.MaxMs,8:F1} ms   ({p.Count} runs)");
    }

    private static ServiceProvider Build(TempGitRepository repository, string data, int lines)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Timmy:Storage:DataDirectory"] = data,
            ["Timmy:Upgrades:Repository"] = repository.Path,
            ["Timmy:Upgrades:WorktreeDirectory"] = repository.WorktreeDirectory,
            ["Timmy:Upgrades:TestCommand"] = "true",
            ["Timmy:Upgrades:ApprovalPin"] = Pin,
            ["Timmy:Upgrades:MaxChangedLines"] = lines.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging(l => l.SetMinimumLevel(LogLevel.Warning));
        services.AddStorage();
        services.AddEvents();
        services.AddSecurityCore();
        services.AddUpgrades();
        return services.BuildServiceProvider();
    }
}
