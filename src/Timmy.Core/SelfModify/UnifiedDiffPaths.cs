namespace Timmy.Core.SelfModify;

/// <summary>The paths a unified diff touches, read from its <c>---</c>/<c>+++</c> and <c>diff --git</c> headers (with the
/// usual a/ and b/ prefixes taken off), so each can be checked before the diff is applied.</summary>
public static class UnifiedDiffPaths
{
    public static IReadOnlyList<string> Of(string diff)
    {
        var paths = new List<string>();
        foreach (var raw in diff.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (line.StartsWith("--- ", StringComparison.Ordinal) || line.StartsWith("+++ ", StringComparison.Ordinal))
            {
                Add(paths, line[4..].Split('\t')[0].Trim());
            }
            else if (line.StartsWith("diff --git ", StringComparison.Ordinal))
            {
                foreach (var part in line["diff --git ".Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries))
                {
                    Add(paths, part);
                }
            }
            else if (line.StartsWith("rename to ", StringComparison.Ordinal) || line.StartsWith("rename from ", StringComparison.Ordinal)
                || line.StartsWith("copy to ", StringComparison.Ordinal) || line.StartsWith("copy from ", StringComparison.Ordinal))
            {
                Add(paths, line[(line.IndexOf(' ', line.IndexOf(' ') + 1) + 1)..].Trim());
            }
        }
        return paths.Distinct().ToList();
    }

    private static void Add(List<string> paths, string path)
    {
        if (path == "/dev/null")
        {
            return;
        }
        if (path.StartsWith('"') && path.EndsWith('"') && path.Length > 1)
        {
            path = path[1..^1];
        }
        paths.Add(path.StartsWith("a/", StringComparison.Ordinal) || path.StartsWith("b/", StringComparison.Ordinal) ? path[2..] : path);
    }
}
