namespace Timmy.Core.Upgrades.Git;

/// <summary>A merge or revert made in the object database: the new commit, or the files that conflicted.</summary>
public sealed record CommitAttempt(string? Commit, IReadOnlyList<string> Conflicts)
{
    public bool Succeeded => Commit is not null;
}
