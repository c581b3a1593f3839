namespace Timmy.Core.SelfModify;

/// <summary>The paths a unified diff touches, read as <c>git apply -p1</c> reads them: from the <c>---</c>/<c>+++</c>
/// headers with exactly one leading folder taken off (the usual a/ and b/), and from <c>rename</c>/<c>copy</c> lines as
/// they stand. A quoted name, or a header path with no folder to take off, is refused rather than guessed at.
/// <see cref="ChangeWriter"/> also checks git's own reading of the diff before applying it.</summary>
public static class UnifiedDiffPaths
{
    /// <exception cref="FormatException">A path is quoted or has no leading folder.</exception>
    public static IReadOnlyList<string> Of(string diff)
    {
        var paths = new List<string>();
        foreach (var raw in diff.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (line.StartsWith("--- ", StringComparison.Ordinal) || line.StartsWith("+++ ", StringComparison.Ordinal))
            {
                var path = Unquoted(line[4..].Split('\t')[0].Trim());
                if (path == "/dev/null")
                {
                    continue;
                }
                var slash = path.IndexOf('/');
                if (slash <= 0)
                {
                    throw new FormatException($"the diff header '{line}' needs the a/ or b/ prefix before the path");
                }
                paths.Add(path[(slash + 1)..]);
            }
            else if (line.StartsWith("rename from ", StringComparison.Ordinal) || line.StartsWith("rename to ", StringComparison.Ordinal)
                || line.StartsWith("copy from ", StringComparison.Ordinal) || line.StartsWith("copy to ", StringComparison.Ordinal))
            {
                paths.Add(Unquoted(line[(line.IndexOf(' ', line.IndexOf(' ') + 1) + 1)..].Trim()));
            }
        }
        return paths.Distinct().ToList();
    }

    private static string Unquoted(string path) => path.StartsWith('"')
        ? throw new FormatException($"quoted path names ({path}) are not accepted; use plain paths")
        : path;
}
