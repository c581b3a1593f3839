using System.Diagnostics;

namespace Timmy.Tests.Upgrades.Fakes;

/// <summary>A throwaway git repository holding a tiny project: <c>src/calc.sh</c> (add and greet), <c>docs/notes.md</c>,
/// and <c>tests/run.sh</c>, its test suite of two tests that pass as committed and print this project's CI line
/// ("2 passed, 0 failed"), exiting 1 when one fails. <see cref="TestCommand"/> runs it. A change that breaks
/// <c>add</c> makes a test fail. Deleted with its worktree folder on dispose.</summary>
public sealed class TempGitRepository : IDisposable
{
    public const string Branch = "main";
    public const string TestCommand = "bash tests/run.sh";

    public const string Calc = """
        #!/bin/sh
        # A tiny calculator: add A B, greet NAME.
        add() { echo $(($1 + $2)); }
        greet() { echo "hello $1"; }
        "$@"

        """;

    public const string Tests = """
        #!/bin/sh
        passed=0; failed=0
        check() { if [ "$2" = "$3" ]; then passed=$((passed+1)); else failed=$((failed+1)); echo "FAIL $1: expected '$3', got '$2'"; fi; }
        check add "$(sh src/calc.sh add 2 3)" "5"
        check greet "$(sh src/calc.sh greet timmy)" "hello timmy"
        echo "$passed passed, $failed failed"
        [ "$failed" -eq 0 ]

        """;

    private TempGitRepository(string root)
    {
        Root = root;
    }

    /// <summary>The folder holding the repository (<see cref="Path"/>) and room beside it (<see cref="WorktreeDirectory"/>).</summary>
    public string Root { get; }

    public string Path => System.IO.Path.Combine(Root, "repo");

    public string WorktreeDirectory => System.IO.Path.Combine(Root, "worktrees");

    public static TempGitRepository Create()
    {
        var repository = new TempGitRepository(Directory.CreateTempSubdirectory("timmy-git-").FullName);
        Directory.CreateDirectory(repository.Path);
        repository.Git("init", "--quiet", "--initial-branch", Branch);
        repository.Git("config", "user.name", "Test Owner");
        repository.Git("config", "user.email", "owner@example.test");
        repository.Git("config", "commit.gpgsign", "false");
        repository.Write("src/calc.sh", Calc);
        repository.Write("tests/run.sh", Tests);
        repository.Write("docs/notes.md", "# Notes\n\nA tiny project for the upgrade queue's tests.\n");
        repository.Write("README.md", "# tiny\n");
        repository.CommitAll("Initial commit");
        return repository;
    }

    public void Write(string relativePath, string content)
    {
        var full = System.IO.Path.Combine(Path, relativePath);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        File.WriteAllText(full, content.Replace("\r\n", "\n"));
    }

    public string Read(string relativePath) => File.ReadAllText(System.IO.Path.Combine(Path, relativePath));

    /// <summary>Commits everything in the working tree on the current branch; the new commit's id.</summary>
    public string CommitAll(string message)
    {
        Git("add", "--all");
        Git("commit", "--quiet", "--allow-empty", "-m", message);
        return Head(Branch);
    }

    public string Head(string branch) => Git("rev-parse", branch).Trim();

    public bool HasBranch(string branch) => RunGit(Path, ["rev-parse", "--verify", "--quiet", "refs/heads/" + branch]).ExitCode == 0;

    /// <summary>The subject and body of a commit.</summary>
    public string Message(string commit) => Git("log", "-1", "--format=%B", commit);

    /// <summary>Makes branch <paramref name="branch"/> from <paramref name="from"/> with <paramref name="files"/> changed,
    /// in a worktree (left in place, as the loop leaves one); returns the branch's commit and the worktree path.</summary>
    public (string Commit, string Worktree) Propose(string branch, IReadOnlyDictionary<string, string> files, string? from = null)
    {
        var worktree = System.IO.Path.Combine(WorktreeDirectory, branch.Replace('/', '-'));
        Git("worktree", "add", "--quiet", "-b", branch, worktree, from ?? Head(Branch));
        foreach (var (path, content) in files)
        {
            var full = System.IO.Path.Combine(worktree, path);
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
            File.WriteAllText(full, content);
        }
        RunGit(worktree, ["add", "--all"], check: true);
        RunGit(worktree, ["commit", "--quiet", "-m", "proposal " + branch], check: true);
        return (RunGit(worktree, ["rev-parse", "HEAD"], check: true).Output.Trim(), worktree);
    }

    public string Git(params string[] arguments) => RunGit(Path, arguments, check: true).Output;

    private static (int ExitCode, string Output) RunGit(string directory, string[] arguments, bool check = false)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        // The machine's own git settings (hooks, templates, line endings) stay out of the tests' repositories.
        start.Environment["GIT_CONFIG_GLOBAL"] = "/dev/null";
        start.Environment["GIT_CONFIG_NOSYSTEM"] = "1";
        start.ArgumentList.Add("-C");
        start.ArgumentList.Add(directory);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (check && process.ExitCode != 0)
        {
            throw new InvalidOperationException($"git {string.Join(' ', arguments)} failed: {error}");
        }
        return (process.ExitCode, output);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
