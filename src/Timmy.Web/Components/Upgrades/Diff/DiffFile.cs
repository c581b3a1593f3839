namespace Timmy.Web.Components.Upgrades.Diff;

/// <summary>One file of a git patch: its old and new path (<c>/dev/null</c> for a file added or deleted), its hunks,
/// and whether git called it binary (then it has no hunks).</summary>
public sealed record DiffFile(string OldPath, string NewPath, IReadOnlyList<DiffHunk> Hunks, bool IsBinary)
{
    public const string NoFile = "/dev/null";

    public bool IsNew => OldPath == NoFile;

    public bool IsDeleted => NewPath == NoFile;

    /// <summary>The path to show: the new one, or the old one for a deleted file.</summary>
    public string Path => IsDeleted ? OldPath : NewPath;

    public int Added => Hunks.Sum(h => h.Lines.Count(l => l.Kind == DiffLine.Added));

    public int Removed => Hunks.Sum(h => h.Lines.Count(l => l.Kind == DiffLine.Removed));
}
