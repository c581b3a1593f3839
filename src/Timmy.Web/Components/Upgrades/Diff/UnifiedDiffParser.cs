using System.Globalization;
using System.Text.RegularExpressions;

namespace Timmy.Web.Components.Upgrades.Diff;

/// <summary>Reads a git patch (as <c>git diff</c> writes it, the upgrade's stored <c>Diff</c>) into files and hunks, with
/// each line's numbers on both sides. Lenient: a line it does not know ends nothing and is skipped, so a damaged patch
/// still shows what it can.</summary>
public static partial class UnifiedDiffParser
{
    public static IReadOnlyList<DiffFile> Parse(string patch)
    {
        var files = new List<DiffFile>();
        foreach (var section in FileStart().Split(patch.Replace("\r\n", "\n")).Where(s => s.Length > 0))
        {
            files.Add(ParseFile(("diff --git " + section).Split('\n')));
        }
        return files;
    }

    private static DiffFile ParseFile(string[] lines)
    {
        var header = GitHeader().Match(lines[0]);
        string oldPath = header.Success ? header.Groups["old"].Value : "", newPath = header.Success ? header.Groups["new"].Value : "";
        var binary = false;
        var hunks = new List<DiffHunk>();
        List<DiffLine>? current = null;
        int oldNumber = 0, newNumber = 0;
        string hunkHeader = "";
        int oldStart = 0, newStart = 0;
        void Close()
        {
            if (current is not null)
            {
                hunks.Add(new DiffHunk(hunkHeader, oldStart, newStart, current));
            }
            current = null;
        }
        foreach (var line in lines.Skip(1))
        {
            if (current is null && line.StartsWith("--- ", StringComparison.Ordinal))
            {
                oldPath = PathOf(line[4..]);
            }
            else if (current is null && line.StartsWith("+++ ", StringComparison.Ordinal))
            {
                newPath = PathOf(line[4..]);
            }
            else if (line.StartsWith("new file mode", StringComparison.Ordinal))
            {
                oldPath = DiffFile.NoFile;
            }
            else if (line.StartsWith("deleted file mode", StringComparison.Ordinal))
            {
                newPath = DiffFile.NoFile;
            }
            else if (line.StartsWith("Binary files ", StringComparison.Ordinal) || line == "GIT binary patch")
            {
                binary = true;
            }
            else if (HunkHeader().Match(line) is { Success: true } hunk)
            {
                Close();
                hunkHeader = line;
                oldNumber = oldStart = int.Parse(hunk.Groups["old"].Value, CultureInfo.InvariantCulture);
                newNumber = newStart = int.Parse(hunk.Groups["new"].Value, CultureInfo.InvariantCulture);
                current = [];
            }
            else if (current is not null && line.Length > 0 && line[0] is DiffLine.Added)
            {
                current.Add(new DiffLine(DiffLine.Added, null, newNumber++, line[1..]));
            }
            else if (current is not null && line.Length > 0 && line[0] is DiffLine.Removed)
            {
                current.Add(new DiffLine(DiffLine.Removed, oldNumber++, null, line[1..]));
            }
            else if (current is not null && line.Length > 0 && line[0] is DiffLine.Context)
            {
                current.Add(new DiffLine(DiffLine.Context, oldNumber++, newNumber++, line[1..]));
            }
        }
        Close();
        return new DiffFile(oldPath, newPath, hunks, binary);
    }

    /// <summary>"a/src/x.cs" → "src/x.cs"; "/dev/null" stays.</summary>
    private static string PathOf(string value)
    {
        var path = value.Split('\t')[0];
        return path.Length > 2 && (path.StartsWith("a/", StringComparison.Ordinal) || path.StartsWith("b/", StringComparison.Ordinal)) ? path[2..] : path;
    }

    [GeneratedRegex(@"^diff --git ", RegexOptions.Multiline)]
    private static partial Regex FileStart();

    [GeneratedRegex(@"^diff --git a/(?<old>.+) b/(?<new>.+)$")]
    private static partial Regex GitHeader();

    [GeneratedRegex(@"^@@ -(?<old>\d+)(?:,\d+)? \+(?<new>\d+)(?:,\d+)? @@")]
    private static partial Regex HunkHeader();
}
