using Timmy.Core.SelfModify;

namespace Timmy.Tests.SelfModify;

public sealed class ChangeSetParserTests
{
    [Fact]
    public void Whole_files_are_read_from_a_fenced_answer_with_words_around_it()
    {
        var change = ChangeSetParser.Parse("""
            Here you go:
            ```json
            {"summary": "Add sub.", "files": [{"path": "src/a.sh", "content": "x\n"}, {"path": "src/old.sh", "delete": true}]}
            ```
            """);

        Assert.Equal("Add sub.", change.Summary);
        Assert.Equal([new FileChange("src/a.sh", "x\n", false), new FileChange("src/old.sh", null, true)], change.Files);
        Assert.Equal(["src/a.sh", "src/old.sh"], change.Paths);
    }

    [Fact]
    public void A_unified_diff_names_its_paths_without_the_a_and_b_prefixes()
    {
        var change = ChangeSetParser.Parse("""{"summary": "s", "diff": "--- a/src/x.cs\n+++ b/src/y.cs\n@@ -1 +1 @@\n-a\n+b"}""");

        Assert.Equal(["src/x.cs", "src/y.cs"], change.Paths);
        Assert.EndsWith("\n", change.Diff);
    }

    [Theory]
    [InlineData("no json here", "no JSON object")]
    [InlineData("{\"summary\": \"s\", \"files\": [", "no JSON object")]
    [InlineData("{\"summary\": \"s\", \"files\": [}", "not valid JSON")]
    [InlineData("{\"files\": [{\"path\": \"src/a\", \"content\": \"x\"}]}", "\"summary\" is missing")]
    [InlineData("{\"summary\": \"s\"}", "either \"files\"")]
    [InlineData("{\"summary\": \"s\", \"files\": [{\"content\": \"x\"}]}", "needs a \"path\"")]
    [InlineData("{\"summary\": \"s\", \"files\": [{\"path\": \"src/a\"}]}", "has no \"content\"")]
    [InlineData("{\"summary\": \"s\", \"files\": [{\"path\": \"src/a\", \"content\": \"x\"}, {\"path\": \"src/a\", \"content\": \"y\"}]}", "appears twice")]
    [InlineData("{\"summary\": \"s\", \"diff\": \"just words\"}", "not a unified diff")]
    public void An_unusable_answer_says_why(string answer, string reason)
    {
        var refused = Assert.Throws<FormatException>(() => ChangeSetParser.Parse(answer));

        Assert.Contains(reason, refused.Message);
    }

    [Theory]
    [InlineData("--- src/Directory.Build.targets\n+++ src/Directory.Build.targets\n@@ -0,0 +1 @@\n+x", "Directory.Build.targets")]
    [InlineData("--- a/src/x\n+++ b/src/x\n@@ -1 +1 @@\n-a\n+b", "src/x")]
    public void Header_paths_lose_exactly_one_leading_folder_as_git_apply_p1_does(string diff, string path)
    {
        Assert.Equal([path], UnifiedDiffPaths.Of(diff));
    }

    [Theory]
    [InlineData("--- calc.sh\n+++ calc.sh\n@@ -1 +1 @@\n-a\n+b", "needs the a/ or b/ prefix")]
    [InlineData("--- \"a/src/x y\"\n+++ \"b/src/x y\"\n@@ -1 +1 @@\n-a\n+b", "quoted path names")]
    public void Header_paths_git_would_read_otherwise_are_refused(string diff, string reason)
    {
        Assert.Contains(reason, Assert.Throws<FormatException>(() => UnifiedDiffPaths.Of(diff)).Message);
    }
}
