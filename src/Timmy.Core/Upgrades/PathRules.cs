namespace Timmy.Core.Upgrades;

/// <summary>Where a change may write. A path is relative to the repository root, uses '/', has no empty, '.', '..' or
/// '.git' segment, starts with the segments of one allowed directory (so "src" allows "src/a.cs" but not "srcx/a.cs"),
/// and no part of it that exists on disk is a symbolic link (which could point anywhere).</summary>
public static class PathRules
{
    public const int MaxPathLength = 400;

    public static bool IsPlainRelativeDirectory(string? directory) =>
        !string.IsNullOrWhiteSpace(directory) && TrySegments(directory.TrimEnd('/'), out _);

    /// <summary>The path in its normal form ("src/a.cs") when <paramref name="path"/> may be written inside
    /// <paramref name="root"/>; otherwise null and the reason.</summary>
    public static string? Check(string root, string path, IReadOnlyList<string> allowedDirectories, out string reason)
    {
        var normal = path.Replace('\\', '/').Trim();
        if (normal.StartsWith("./", StringComparison.Ordinal))
        {
            normal = normal[2..];
        }
        if (normal.Length == 0 || normal.Length > MaxPathLength)
        {
            reason = "the path is empty or too long";
            return null;
        }
        if (normal.StartsWith('/') || Path.IsPathRooted(normal))
        {
            reason = "the path is absolute; paths are relative to the repository root";
            return null;
        }
        if (!TrySegments(normal, out var segments))
        {
            reason = "the path has an empty, '.', '..' or '.git' segment";
            return null;
        }
        if (!allowedDirectories.Any(d => StartsWithSegments(segments, d.Trim('/').Split('/'))))
        {
            reason = $"the path is outside the allowed directories ({string.Join(", ", allowedDirectories)})";
            return null;
        }
        var full = Path.GetFullPath(Path.Combine(root, Path.Combine(segments)));
        var rootFull = Path.GetFullPath(root).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        if (!full.StartsWith(rootFull, StringComparison.Ordinal))
        {
            reason = "the path leaves the repository";
            return null;
        }
        var walked = rootFull;
        foreach (var segment in segments)
        {
            walked = Path.Combine(walked, segment);
            var info = new FileInfo(walked);
            if (info.Exists || Directory.Exists(walked))
            {
                if ((File.GetAttributes(walked) & FileAttributes.ReparsePoint) != 0 || info.LinkTarget is not null)
                {
                    reason = $"'{Path.GetRelativePath(root, walked).Replace('\\', '/')}' is a symbolic link";
                    return null;
                }
            }
            else
            {
                break;
            }
        }
        reason = "";
        return string.Join('/', segments);
    }

    private static bool TrySegments(string path, out string[] segments)
    {
        segments = path.Split('/');
        return segments.All(s => s.Length > 0 && s != "." && s != ".." && !s.Equals(".git", StringComparison.OrdinalIgnoreCase)
            && s.IndexOfAny(['\0', '\\', ':']) < 0);
    }

    private static bool StartsWithSegments(string[] path, string[] directory) =>
        directory.Length < path.Length && directory.Select((d, i) => d == path[i]).All(same => same);
}
