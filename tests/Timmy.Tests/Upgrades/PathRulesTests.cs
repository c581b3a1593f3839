using Timmy.Core.Upgrades;

namespace Timmy.Tests.Upgrades;

/// <summary>A change may write only inside the allowed directories (matched by whole segments), never through '..',
/// '.git', an absolute path or a symbolic link.</summary>
public sealed class PathRulesTests : IDisposable
{
    private static readonly string[] Allowed = ["src", "docs/guide"];
    private readonly string _root = Directory.CreateTempSubdirectory("timmy-paths-").FullName;
    private readonly string _outside = Directory.CreateTempSubdirectory("timmy-outside-").FullName;

    private string Repo => Path.Combine(_root, "repo");

    public PathRulesTests() => Directory.CreateDirectory(Path.Combine(Repo, "src"));

    [Theory]
    [InlineData("src/a.sh", "src/a.sh")]
    [InlineData("./src/deep/b.cs", "src/deep/b.cs")]
    [InlineData("src\\win.cs", "src/win.cs")]
    [InlineData("docs/guide/intro.md", "docs/guide/intro.md")]
    public void Paths_InsideAnAllowedDirectory_AreAccepted_InTheirNormalForm(string path, string normal)
    {
        Assert.Equal(normal, PathRules.Check(Repo, path, Allowed, out var reason));
        Assert.Equal("", reason);
    }

    [Theory]
    [InlineData("srcx/a.sh", "outside the allowed")]
    [InlineData("src", "outside the allowed")]
    [InlineData("docs/other.md", "outside the allowed")]
    [InlineData("docs/guidebook/a.md", "outside the allowed")]
    [InlineData("README.md", "outside the allowed")]
    [InlineData("src/../README.md", "'..'")]
    [InlineData("../repo/src/a.sh", "'..'")]
    [InlineData("src/.git/config", "'.git'")]
    [InlineData(".git/hooks/pre-commit", "'.git'")]
    [InlineData("src/.GIT/config", "'.git'")]
    [InlineData("src//a.sh", "empty")]
    [InlineData("/etc/passwd", "absolute")]
    [InlineData("", "empty")]
    public void Paths_ElsewhereOrTricky_AreRefused_WithAReason(string path, string reasonPart)
    {
        Assert.Null(PathRules.Check(Repo, path, Allowed, out var reason));
        Assert.Contains(reasonPart, reason);
    }

    [Fact]
    public void A_Symlink_ToADirectoryOutside_IsRefused()
    {
        Directory.CreateSymbolicLink(Path.Combine(Repo, "src", "linked"), _outside);

        Assert.Null(PathRules.Check(Repo, "src/linked/a.sh", Allowed, out var reason));
        Assert.Contains("symbolic link", reason);
    }

    [Fact]
    public void A_Symlink_ToAFileOutside_IsRefused()
    {
        var target = Path.Combine(_outside, "secret.txt");
        File.WriteAllText(target, "secret");
        File.CreateSymbolicLink(Path.Combine(Repo, "src", "secret.txt"), target);

        Assert.Null(PathRules.Check(Repo, "src/secret.txt", Allowed, out var reason));
        Assert.Contains("symbolic link", reason);
    }

    [Fact]
    public void A_DanglingSymlink_IsRefused()
    {
        // writing through it would create the file it names, outside the repository
        File.CreateSymbolicLink(Path.Combine(Repo, "src", "dangling.txt"), Path.Combine(_outside, "not-yet.txt"));

        Assert.Null(PathRules.Check(Repo, "src/dangling.txt", Allowed, out var reason));
        Assert.Contains("symbolic link", reason);
    }

    [Fact]
    public void A_Symlinked_AllowedDirectory_IsRefused()
    {
        Directory.CreateSymbolicLink(Path.Combine(Repo, "docs"), _outside);

        Assert.Null(PathRules.Check(Repo, "docs/guide/a.md", Allowed, out var reason));
        Assert.Contains("'docs' is a symbolic link", reason);
    }

    [Theory]
    [InlineData("src", true)]
    [InlineData("docs/guide/", true)]
    [InlineData("", false)]
    [InlineData("../src", false)]
    [InlineData(".git", false)]
    [InlineData("src/../..", false)]
    public void Allowed_Directories_ArePlainRelativeOnes(string directory, bool plain) =>
        Assert.Equal(plain, PathRules.IsPlainRelativeDirectory(directory));

    public void Dispose()
    {
        Directory.Delete(_root, recursive: true);
        Directory.Delete(_outside, recursive: true);
    }
}
