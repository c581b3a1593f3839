using LibGit2Sharp;

namespace Timmy.Core.Upgrades.Git;

/// <summary>The files of one commit, read from git's object database through LibGit2Sharp, so the loop sees exactly the
/// base it branches from and never the server's working tree (which may hold uncommitted edits). Holds the repository
/// open until disposed: a search reads every candidate.</summary>
public sealed class CommitSnapshot : IDisposable
{
    private readonly Repository _repository;
    private readonly Commit _commit;

    public CommitSnapshot(string repository, string commit)
    {
        _repository = new Repository(repository);
        _commit = _repository.Lookup<Commit>(commit) ?? throw new GitCommandException($"commit {commit} is not in the repository");
    }

    /// <summary>Every regular file's path (with '/') and size in bytes.</summary>
    public IReadOnlyList<(string Path, long Size)> Files()
    {
        var files = new List<(string, long)>();
        Walk(_commit.Tree, files);
        return files;
    }

    /// <summary>The text of <paramref name="path"/>; null when there is no such file or it is binary.</summary>
    public string? Read(string path) =>
        _commit[path]?.Target is Blob { IsBinary: false } blob ? blob.GetContentText() : null;

    public void Dispose() => _repository.Dispose();

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
