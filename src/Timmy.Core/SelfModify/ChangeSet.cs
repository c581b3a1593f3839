namespace Timmy.Core.SelfModify;

/// <summary>The model's answer, read: a one-paragraph description of the change and either whole-file replacements
/// (<see cref="Files"/>) or a unified diff (<see cref="Diff"/>).</summary>
public sealed record ChangeSet(string Summary, IReadOnlyList<FileChange> Files, string? Diff)
{
    /// <summary>Every path the answer writes, as the model wrote it.</summary>
    public IReadOnlyList<string> Paths => Diff is null ? Files.Select(f => f.Path).ToList() : UnifiedDiffPaths.Of(Diff);
}
