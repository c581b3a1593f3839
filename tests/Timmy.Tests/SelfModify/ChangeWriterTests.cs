using Timmy.Core.SelfModify;

namespace Timmy.Tests.SelfModify;

public sealed class ChangeWriterTests
{
    private static readonly string[] Allowed = ["src", "docs"];

    [Theory]
    [InlineData("diff --git a/src/link b/src/link\nnew file mode 120000\n--- /dev/null\n+++ b/src/link\n@@ -0,0 +1 @@\n+/etc\n")]
    [InlineData("diff --git a/src/run.sh b/src/run.sh\nold mode 100644\nnew mode 100755\n")]
    [InlineData("diff --git a/src/a.bin b/src/a.bin\nGIT binary patch\nliteral 4\n--- a/src/a.bin\n+++ b/src/a.bin\n@@ -1 +1 @@\n")]
    public void A_diff_that_makes_a_link_changes_a_mode_or_carries_binary_data_is_refused(string diff)
    {
        var root = Directory.CreateTempSubdirectory("timmy-writer-").FullName;
        var change = new ChangeSet("s", [], diff);

        Assert.Throws<ChangeRefusedException>(() => ChangeWriter.Check(change, root, Allowed, 64 * 1024));

        Directory.Delete(root, true);
    }

    [Fact]
    public void A_file_larger_than_the_limit_is_refused()
    {
        var root = Directory.CreateTempSubdirectory("timmy-writer-").FullName;
        var change = new ChangeSet("s", [new FileChange("src/big.txt", new string('x', 2048), false)], null);

        var refused = Assert.Throws<ChangeRefusedException>(() => ChangeWriter.Check(change, root, Allowed, 1024));

        Assert.Equal("src/big.txt", refused.RefusedPath);
        Directory.Delete(root, true);
    }

    [Fact]
    public void A_dry_run_preview_diffs_whole_files_against_the_originals()
    {
        var change = new ChangeSet("s", [new FileChange("src/a.sh", "one\nTWO\n", false), new FileChange("docs/new.md", "hi\n", false)], null);

        var preview = ChangeWriter.Preview(change, path => path == "src/a.sh" ? "one\ntwo\n" : null);

        Assert.Contains("--- a/src/a.sh\n+++ b/src/a.sh\n", preview.Replace("\r\n", "\n"));
        Assert.Contains("-two", preview);
        Assert.Contains("+TWO", preview);
        Assert.Contains("--- /dev/null", preview);
        Assert.Contains("+hi", preview);
    }

    [Fact]
    public void Git_apply_numstat_paths_are_read_for_plain_files_and_renames()
    {
        var paths = ChangeWriter.NumstatPaths("1\t0\tsrc/a.sh\u00000\t0\t\u0000src/old.sh\u0000src/new.sh\u0000");

        Assert.Equal(["src/a.sh", "src/old.sh", "src/new.sh"], paths);
    }

    [Fact]
    public void Content_with_control_characters_is_refused()
    {
        var change = new ChangeSet("s", [new FileChange("src/a.sh", "echo hi\u0000", false)], null);

        var refused = Assert.Throws<ChangeRefusedException>(() => ChangeWriter.Check(change, Path.GetTempPath(), Allowed, 1024));

        Assert.Contains("not text", refused.Message);
    }
}
