using LibGit2Sharp;

namespace Timmy.Core.Upgrades.Git;

/// <summary>The git repository upgrades change, through LibGit2Sharp: branch tips, diffs, merges and reverts computed
/// in the object database (never in a working tree), and the one move of the target branch, made only when its tip is
/// still the commit the caller checked. Worktrees are made by <see cref="GitWorktrees"/>.</summary>
public sealed class UpgradeRepository(string path)
{
    public const string AuthorName = "Timmy";
    public const string AuthorEmail = "timmy@localhost";

    /// <summary>The root of the working tree (or the git folder of a bare repository).</summary>
    public string Path { get; } = System.IO.Path.GetFullPath(path);

    /// <summary>The repository that contains <paramref name="start"/>, or null when it is not in one.</summary>
    public static string? Discover(string start)
    {
        var gitPath = Repository.Discover(start);
        if (gitPath is null)
        {
            return null;
        }
        using var repo = new Repository(gitPath);
        return repo.Info.WorkingDirectory is { } work ? System.IO.Path.GetFullPath(work).TrimEnd('/') : repo.Info.Path.TrimEnd('/');
    }

    public static bool IsRepository(string path) => Repository.IsValid(path);

    /// <summary><paramref name="configured"/>, or the branch HEAD is on.</summary>
    public string TargetBranch(string? configured)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured.Trim();
        }
        using var repo = new Repository(Path);
        return repo.Info.IsHeadDetached ? throw new GitCommandException("HEAD is detached: set Timmy:Upgrades:TargetBranch") : repo.Head.FriendlyName;
    }

    /// <summary>The commit a branch points at, or null when there is no such branch.</summary>
    public string? TipOf(string branch)
    {
        using var repo = new Repository(Path);
        return repo.Branches[branch]?.Tip?.Sha;
    }

    public bool HasCommit(string sha)
    {
        using var repo = new Repository(Path);
        return repo.Lookup<Commit>(sha) is not null;
    }

    public (string Message, IReadOnlyList<string> Parents)? CommitInfo(string sha)
    {
        using var repo = new Repository(Path);
        return repo.Lookup<Commit>(sha) is { } commit ? (commit.Message, commit.Parents.Select(p => p.Sha).ToList()) : null;
    }

    /// <summary>Whether <paramref name="ancestor"/> is <paramref name="commit"/> or in its history.</summary>
    public bool IsAncestor(string ancestor, string commit)
    {
        using var repo = new Repository(Path);
        return repo.ObjectDatabase.FindMergeBase(Commit(repo, ancestor), Commit(repo, commit))?.Sha == ancestor;
    }

    /// <summary>What <paramref name="to"/> changes against <paramref name="from"/>.</summary>
    public BranchDiff Diff(string from, string to)
    {
        using var repo = new Repository(Path);
        var patch = repo.Diff.Compare<Patch>(Commit(repo, from).Tree, Commit(repo, to).Tree);
        var files = patch.Select(e => e.Path).Distinct().Order(StringComparer.Ordinal).ToList();
        return new BranchDiff(patch.Content, files, patch.LinesAdded, patch.LinesDeleted) { Problems = Problems(patch) };
    }

    private static List<string> Problems(Patch patch)
    {
        var problems = new List<string>();
        foreach (var entry in patch)
        {
            if (entry.IsBinaryComparison)
            {
                problems.Add($"{entry.Path} is binary");
            }
            if (entry.Mode is Mode.SymbolicLink or Mode.GitLink || entry.OldMode is Mode.SymbolicLink or Mode.GitLink)
            {
                problems.Add($"{entry.Path} is a symbolic link or a submodule");
            }
            else if (entry.OldMode != Mode.Nonexistent && entry.Mode != Mode.Nonexistent && entry.OldMode != entry.Mode)
            {
                problems.Add($"{entry.Path} changes its mode");
            }
        }
        return problems;
    }

    /// <summary>Commits everything in the worktree at <paramref name="worktree"/> (new, changed and deleted files) on the
    /// branch it has checked out. Null when there was nothing to commit.</summary>
    public static string? CommitAll(string worktree, string message, DateTimeOffset when, IReadOnlyList<string>? paths = null)
    {
        using var repo = new Repository(worktree);
        // Only the paths the change was checked to write: what a test run left in the worktree is not part of it.
        Commands.Stage(repo, paths is null ? ["*"] : paths);
        if (!repo.Diff.Compare<TreeChanges>(repo.Head.Tip.Tree, DiffTargets.Index).Any())
        {
            return null;
        }
        var signature = new Signature(AuthorName, AuthorEmail, when);
        return repo.Commit(message, signature, signature).Sha;
    }

    /// <summary>Puts the worktree at <paramref name="worktree"/> back to <paramref name="commit"/>: tracked files reset,
    /// untracked ones removed (a retry starts from the base again).</summary>
    public static void ResetWorktree(string worktree, string commit)
    {
        using var repo = new Repository(worktree);
        repo.Reset(ResetMode.Hard, Commit(repo, commit), new CheckoutOptions());
        repo.RemoveUntrackedFiles();
    }

    /// <summary>The branch's change laid onto <paramref name="onto"/> as one new commit (its only parent), made in the
    /// object database and referenced by no branch yet; or the files that conflict.</summary>
    public CommitAttempt SquashOnto(string onto, string branchCommit, string message, DateTimeOffset when)
    {
        using var repo = new Repository(Path);
        var ours = Commit(repo, onto);
        var result = repo.ObjectDatabase.MergeCommits(ours, Commit(repo, branchCommit), new MergeTreeOptions { FailOnConflict = false });
        return Finish(repo, result.Status == MergeTreeStatus.Conflicts, result.Conflicts, result.Tree, ours, message, when);
    }

    /// <summary>A commit on <paramref name="onto"/> that undoes <paramref name="commit"/>; or the files that conflict.</summary>
    public CommitAttempt RevertOnto(string commit, string onto, string message, DateTimeOffset when)
    {
        using var repo = new Repository(Path);
        var ours = Commit(repo, onto);
        var result = repo.ObjectDatabase.RevertCommit(Commit(repo, commit), ours, 0, new MergeTreeOptions { FailOnConflict = false });
        return Finish(repo, result.Status == MergeTreeStatus.Conflicts, result.Conflicts, result.Tree, ours, message, when);
    }

    /// <summary>Moves <paramref name="branch"/> from <paramref name="expectedTip"/> to <paramref name="newTip"/>. When the
    /// branch is checked out in the repository's own working tree, that tree must have no uncommitted changes and is
    /// brought along (as <c>git push</c> with <c>receive.denyCurrentBranch=updateInstead</c> does).</summary>
    /// <exception cref="GitCommandException">The tip is no longer <paramref name="expectedTip"/>, or the checked-out tree is dirty.</exception>
    public void MoveBranch(string branch, string expectedTip, string newTip, string logMessage)
    {
        using var repo = new Repository(Path);
        var reference = repo.Refs["refs/heads/" + branch] ?? throw new GitCommandException($"there is no branch {branch}");
        if (reference.ResolveToDirectReference().TargetIdentifier != expectedTip)
        {
            throw new GitCommandException($"{branch} moved while the upgrade was being applied");
        }
        var checkedOut = !repo.Info.IsBare && !repo.Info.IsHeadDetached && repo.Head.CanonicalName == reference.CanonicalName;
        if (!checkedOut)
        {
            repo.Refs.UpdateTarget(reference, new ObjectId(newTip), logMessage);
            return;
        }
        if (repo.RetrieveStatus(new StatusOptions { IncludeUntracked = false }).IsDirty)
        {
            throw new GitCommandException($"{branch} is checked out in {repo.Info.WorkingDirectory} with uncommitted changes; commit or stash them first");
        }
        // a hard reset would overwrite a file git does not track where the new commit adds one
        var added = repo.Diff.Compare<TreeChanges>(Commit(repo, expectedTip).Tree, Commit(repo, newTip).Tree).Added.Select(c => c.Path);
        var untracked = added.Where(p => System.IO.Path.Exists(System.IO.Path.Combine(repo.Info.WorkingDirectory, p))).ToList();
        if (untracked.Count > 0)
        {
            throw new GitCommandException(
                $"{branch} is checked out in {repo.Info.WorkingDirectory}, where {string.Join(", ", untracked)} exists untracked and would be overwritten; move it away first");
        }
        repo.Reset(ResetMode.Hard, Commit(repo, newTip), new CheckoutOptions());
    }

    /// <summary>Deletes a branch; nothing happens when there is none.</summary>
    public void DeleteBranch(string branch)
    {
        using var repo = new Repository(Path);
        if (repo.Branches[branch] is { } existing && !existing.IsCurrentRepositoryHead)
        {
            repo.Branches.Remove(existing);
        }
    }

    private static CommitAttempt Finish(Repository repo, bool conflicted, IEnumerable<Conflict>? conflicts, Tree? tree, Commit parent, string message, DateTimeOffset when)
    {
        if (conflicted || tree is null)
        {
            var paths = (conflicts ?? []).Select(c => (c.Ours ?? c.Theirs ?? c.Ancestor)?.Path).OfType<string>().Distinct().ToList();
            return new CommitAttempt(null, paths);
        }
        var signature = new Signature(AuthorName, AuthorEmail, when);
        var commit = repo.ObjectDatabase.CreateCommit(signature, signature, message, tree, [parent], prettifyMessage: true);
        return new CommitAttempt(commit.Sha, []);
    }

    private static Commit Commit(Repository repo, string sha) =>
        repo.Lookup<Commit>(sha) ?? throw new GitCommandException($"commit {sha} is not in the repository");
}
