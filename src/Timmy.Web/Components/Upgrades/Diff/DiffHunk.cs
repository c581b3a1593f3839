namespace Timmy.Web.Components.Upgrades.Diff;

/// <summary>One <c>@@ -a,b +c,d @@</c> block of a file's diff: where it starts on each side and its lines.</summary>
public sealed record DiffHunk(string Header, int OldStart, int NewStart, IReadOnlyList<DiffLine> Lines)
{
    /// <summary>The hunk's lines as they were (context and removed), one per line.</summary>
    public string OldText => string.Join('\n', Lines.Where(l => l.Kind != DiffLine.Added).Select(l => l.Text));

    /// <summary>The hunk's lines as they are now (context and added), one per line.</summary>
    public string NewText => string.Join('\n', Lines.Where(l => l.Kind != DiffLine.Removed).Select(l => l.Text));
}
