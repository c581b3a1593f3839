using DiffPlex.Renderer;
using Timmy.Core.Upgrades;

namespace Timmy.Core.SelfModify;

/// <summary>Puts a <see cref="ChangeSet"/> into a worktree after checking every path it names
/// (<see cref="PathRules"/>): whole files are written or deleted; a unified diff is applied by <c>git apply</c>
/// (LibGit2Sharp has no patch application), which also refuses paths beyond symbolic links.</summary>
public static class ChangeWriter
{
    private static readonly TimeSpan ApplyLimit = TimeSpan.FromMinutes(1);

    /// <exception cref="ChangeRefusedException">A path may not be written; nothing was.</exception>
    public static void Check(ChangeSet change, string root, IReadOnlyList<string> allowedDirectories, int maxFileBytes)
    {
        foreach (var path in change.Paths)
        {
            if (PathRules.Check(root, path, allowedDirectories, out var reason) is null)
            {
                throw new ChangeRefusedException(path, reason);
            }
        }
        if (change.Diff is { } diff && diff.Split('\n').FirstOrDefault(UnsafeDiffLine) is { } unsafeLine)
        {
            throw new ChangeRefusedException(change.Paths.FirstOrDefault() ?? "the diff",
                $"the diff makes a symbolic link, changes a file's mode or carries binary data ('{unsafeLine.Trim()}')");
        }
        foreach (var file in change.Files.Where(f => f.Content is not null && System.Text.Encoding.UTF8.GetByteCount(f.Content) > maxFileBytes))
        {
            throw new ChangeRefusedException(file.Path, $"the new content is larger than {maxFileBytes:N0} bytes");
        }
        foreach (var file in change.Files.Where(f => f.Content is not null && f.Content.Any(c => c == '\0' || (char.IsControl(c) && c is not '\n' and not '\r' and not '\t'))))
        {
            throw new ChangeRefusedException(file.Path, "the new content is not text (it holds control characters), which a reviewer could not read");
        }
    }

    /// <summary>Writes the change and returns the paths it wrote (git's own list for a diff): only these are committed.</summary>
    /// <exception cref="ChangeRefusedException">A path may not be written; nothing was.</exception>
    /// <exception cref="FormatException">The diff does not apply to the files (fed back to the model).</exception>
    public static async Task<IReadOnlyList<string>> WriteAsync(ChangeSet change, string worktree, IReadOnlyList<string> allowedDirectories, int maxFileBytes, CancellationToken cancellationToken)
    {
        Check(change, worktree, allowedDirectories, maxFileBytes);
        if (change.Diff is { } diff)
        {
            return await ApplyDiffAsync(diff, worktree, allowedDirectories, cancellationToken);
        }
        var written = new List<string>();
        foreach (var file in change.Files)
        {
            var path = PathRules.Check(worktree, file.Path, allowedDirectories, out _)!;
            var full = Path.Combine(worktree, path);
            written.Add(path);
            if (file.Delete)
            {
                File.Delete(full);
                continue;
            }
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            await File.WriteAllTextAsync(full, file.Content, cancellationToken);
        }
        return written;
    }

    /// <summary>Asks git which paths the diff touches (<c>--numstat -z</c>, the reading that counts), checks each, then
    /// applies it with the same <c>-p1</c>.</summary>
    private static async Task<IReadOnlyList<string>> ApplyDiffAsync(string diff, string worktree, IReadOnlyList<string> allowedDirectories, CancellationToken cancellationToken)
    {
        var patch = Path.Combine(Path.GetTempPath(), $"timmy-change-{Guid.NewGuid():N}.diff");
        await File.WriteAllTextAsync(patch, diff, cancellationToken);
        try
        {
            var stat = await CommandRunner.RunAsync("git", ["-C", worktree, "apply", "-p1", "--numstat", "-z", patch], worktree, ApplyLimit, cancellationToken);
            if (!stat.Succeeded)
            {
                throw new FormatException($"the diff cannot be read: {stat.Output.Trim()}");
            }
            var paths = NumstatPaths(stat.Output);
            foreach (var path in paths)
            {
                if (PathRules.Check(worktree, path, allowedDirectories, out var reason) is null)
                {
                    throw new ChangeRefusedException(path, reason);
                }
            }
            var outcome = await CommandRunner.RunAsync("git", ["-C", worktree, "apply", "-p1", "--whitespace=nowarn", "--recount", patch], worktree, ApplyLimit, cancellationToken);
            if (!outcome.Succeeded)
            {
                throw new FormatException($"the diff does not apply: {outcome.Output.Trim()}");
            }
            return paths;
        }
        finally
        {
            File.Delete(patch);
        }
    }

    /// <summary>The paths in <c>git apply --numstat -z</c> output: "added TAB deleted TAB path NUL", or for a rename
    /// "added TAB deleted TAB NUL from NUL to NUL".</summary>
    internal static IReadOnlyList<string> NumstatPaths(string output)
    {
        var paths = new List<string>();
        var fields = output.Split('\0');
        for (var i = 0; i < fields.Length; i++)
        {
            var parts = fields[i].TrimStart('\n').Split('\t');
            if (parts.Length < 3)
            {
                continue;
            }
            if (parts[2].Length > 0)
            {
                paths.Add(parts[2]);
            }
            else if (i + 2 < fields.Length)
            {
                paths.Add(fields[++i]);
                paths.Add(fields[++i]);
            }
        }
        return paths.Distinct().ToList();
    }

    /// <summary>Diff headers that would make a link (mode 120000), change a mode, or write binary data: a link committed
    /// in the repository could point anywhere once checked out.</summary>
    private static bool UnsafeDiffLine(string line) =>
        line.StartsWith("GIT binary patch", StringComparison.Ordinal) || line.StartsWith("Binary files ", StringComparison.Ordinal)
        || line.StartsWith("old mode ", StringComparison.Ordinal) || line.StartsWith("new mode ", StringComparison.Ordinal)
        || ((line.StartsWith("new file mode ", StringComparison.Ordinal) || line.StartsWith("deleted file mode ", StringComparison.Ordinal))
            && line.TrimEnd().EndsWith("120000", StringComparison.Ordinal));

    /// <summary>A dry run's view of the change: the diff as given, or whole files diffed against <paramref name="original"/>.</summary>
    public static string Preview(ChangeSet change, Func<string, string?> original)
    {
        if (change.Diff is { } diff)
        {
            return diff;
        }
        return string.Concat(change.Files.Select(f =>
        {
            var before = original(f.Path);
            return UnidiffRenderer.GenerateUnidiff(before ?? "", f.Content ?? "", before is null ? "/dev/null" : "a/" + f.Path,
                f.Delete ? "/dev/null" : "b/" + f.Path, ignoreWhitespace: false);
        }));
    }
}
