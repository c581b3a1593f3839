using System.Security.Cryptography;
using System.Text;

namespace Timmy.Core.Upgrades.Git;

/// <summary>A branch's change against its base: the unified diff git would print, the files it touches and its size.
/// <see cref="Sha256"/> is what an approval binds to.</summary>
public sealed record BranchDiff(string Patch, IReadOnlyList<string> Files, int LinesAdded, int LinesRemoved)
{
    /// <summary>What in the change a reviewer cannot read or a proposal may not do: binary content (shown as "Binary
    /// files differ", counted as no lines), symbolic links and submodules (which point anywhere), and mode changes.</summary>
    public IReadOnlyList<string> Problems { get; init; } = [];

    public const int PreviewLines = 80;

    public string Sha256 => HashOf(Patch);

    public int ChangedLines => LinesAdded + LinesRemoved;

    public bool IsEmpty => Files.Count == 0;

    /// <summary>The first lines of the diff, for lists and events.</summary>
    public string Preview
    {
        get
        {
            var lines = Patch.Split('\n');
            return lines.Length <= PreviewLines ? Patch : string.Join('\n', lines.Take(PreviewLines)) + $"\n… {lines.Length - PreviewLines} more lines";
        }
    }

    public static string HashOf(string patch) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(patch)));
}
