using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;

namespace Timmy.Web.Components.Upgrades.Diff;

/// <summary>The side-by-side view of a hunk: DiffPlex's <see cref="SideBySideDiffBuilder"/> lines up the hunk's old text
/// (context and removed lines) with its new text (context and added lines); numbers are moved to where the hunk starts in
/// each file.</summary>
public static class SplitDiffBuilder
{
    public static IReadOnlyList<(SplitDiffCell Old, SplitDiffCell New)> Rows(DiffHunk hunk)
    {
        var model = SideBySideDiffBuilder.Diff(hunk.OldText, hunk.NewText, ignoreWhiteSpace: false, ignoreCase: false);
        var rows = new List<(SplitDiffCell, SplitDiffCell)>(model.OldText.Lines.Count);
        for (var i = 0; i < model.OldText.Lines.Count; i++)
        {
            rows.Add((Cell(model.OldText.Lines[i], hunk.OldStart), Cell(model.NewText.Lines[i], hunk.NewStart)));
        }
        return rows;
    }

    private static SplitDiffCell Cell(DiffPiece piece, int start) => new(
        piece.Type == ChangeType.Imaginary || piece.Position is null ? null : piece.Position + start - 1,
        piece.Type.ToString().ToLowerInvariant(),
        piece.Text ?? "");
}
