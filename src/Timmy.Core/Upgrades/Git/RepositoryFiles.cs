using LibGit2Sharp;

namespace Timmy.Core.Upgrades.Git;

/// <summary>The files of one commit, read from git's object database through LibGit2Sharp, so the loop sees exactly the
/// base it branches from and never the server's working tree (which may hold uncommitted edits).</summary>
public static class RepositoryFiles
{
    /// <summary>Every file path (with '/') in <paramref name="commit"/>, with its size in bytes.</summary>
    public static IReadOnlyList<(string Path, long Size)> List(string repository, string commit)
    {
        using var repo = new Repository(repository);
        var files = new List<(string, long)>();
        Walk(repo.Lookup<Commit>(commit)?.Tree ?? throw new GitCommandException($"commit {commit} is not in the repository"), files);
        return files;
    }

    /// <summary>The text of <paramref name="path"/> at <paramref name="commit"/>; null when there is no such file or it
    /// is binary.</summary>
    public static string? Read(string repository, string commit, string path)
    {
        using var repo = new Repository(repository);
        if (repo.Lookup<Commit>(commit)?[path]?.Target is not Blob blob || blob.IsBinary)
        {
            return null;
        }
        return blob.GetContentText();
    }

    private static void Walk(Tree tree, List<(string, long)> files)
    {
        foreach (var entry in tree)
        {
            switch (entry.Target)
            {
                case Tree subtree:
                    Walk(subtree, files);
                    break;
                case Blob blob when entry.Mode is Mode.NonExecutableFile or Mode.ExecutableFile:
                    files.Add((entry.Path.Replace('\\', '/'), blob.Size));
                    break;
            }
        }
    }
}
