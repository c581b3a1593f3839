namespace Timmy.Core.Upgrades.Git;

/// <summary>Linked worktrees through the <c>git</c> program. LibGit2Sharp can open a worktree but its worktree API cannot
/// create one on a new branch from a chosen commit, nor remove one with its files, so these few operations shell out;
/// every other git operation goes through LibGit2Sharp (<see cref="UpgradeRepository"/>).</summary>
public static class GitWorktrees
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(2);

    /// <summary>A new worktree at <paramref name="path"/> on a new branch <paramref name="branch"/> starting at
    /// <paramref name="startCommit"/>.</summary>
    public static Task AddOnNewBranchAsync(string repository, string path, string branch, string startCommit, CancellationToken cancellationToken) =>
        GitAsync(repository, cancellationToken, "worktree", "add", "--quiet", "-b", branch, path, startCommit);

    /// <summary>A new worktree at <paramref name="path"/> with <paramref name="commit"/> checked out, on no branch.</summary>
    public static Task AddDetachedAsync(string repository, string path, string commit, CancellationToken cancellationToken) =>
        GitAsync(repository, cancellationToken, "worktree", "add", "--quiet", "--detach", path, commit);

    /// <summary>Removes the worktree and its files; nothing happens when there is none at <paramref name="path"/>.</summary>
    /// <exception cref="GitCommandException">git would not remove it and the folder does not look like a worktree (see
    /// <see cref="LooksLikeWorktree"/>), so its files are left where they are.</exception>
    public static async Task RemoveAsync(string repository, string path, CancellationToken cancellationToken)
    {
        if (Directory.Exists(path))
        {
            try
            {
                await GitAsync(repository, cancellationToken, "worktree", "remove", "--force", "--force", path);
            }
            catch (GitCommandException) when (LooksLikeWorktree(path))
            {
                Directory.Delete(path, recursive: true); // a worktree git forgot (or a half-made one): its files go anyway
            }
        }
        await PruneAsync(repository, cancellationToken);
    }

    /// <summary>Whether <paramref name="folder"/> is, or was meant to be, a linked worktree: it holds the <c>.git</c> file
    /// that links one to its repository, or nothing at all. A repository's own folders (its main working tree, its
    /// <c>src</c>) never qualify, so a wrong path is never deleted.</summary>
    public static bool LooksLikeWorktree(string folder) =>
        File.Exists(Path.Combine(folder, ".git")) || !Directory.EnumerateFileSystemEntries(folder).Any();

    /// <summary>Forgets worktrees whose folders are gone.</summary>
    public static Task PruneAsync(string repository, CancellationToken cancellationToken) =>
        GitAsync(repository, cancellationToken, "worktree", "prune");

    /// <summary>The folders of the repository's linked worktrees (not its main working tree).</summary>
    public static async Task<IReadOnlyList<string>> ListAsync(string repository, CancellationToken cancellationToken)
    {
        var output = await GitAsync(repository, cancellationToken, "worktree", "list", "--porcelain");
        return output.Split('\n').Where(l => l.StartsWith("worktree ", StringComparison.Ordinal)).Select(l => l["worktree ".Length..].Trim())
            .Skip(1).ToList();
    }

    private static async Task<string> GitAsync(string repository, CancellationToken cancellationToken, params string[] arguments)
    {
        CommandRunner.Outcome outcome;
        try
        {
            outcome = await CommandRunner.RunAsync("git", ["-C", repository, .. arguments], repository, Limit, cancellationToken);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new GitCommandException($"git is not installed: {e.Message}");
        }
        if (!outcome.Succeeded)
        {
            throw new GitCommandException($"git {string.Join(' ', arguments.Take(2))} failed: {outcome.Output.Trim()}");
        }
        return outcome.Output;
    }
}
