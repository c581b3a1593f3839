namespace Timmy.Web.Components.Upgrades.Diff;

/// <summary>One side of a side-by-side row: the line's number in its file (null for the blank beside an added or
/// removed line), how it changed (DiffPlex's <c>ChangeType</c>, lower case: unchanged, deleted, inserted, modified,
/// imaginary) and its text.</summary>
public sealed record SplitDiffCell(int? Number, string Change, string Text)
{
    public bool IsBlank => Number is null;
}
