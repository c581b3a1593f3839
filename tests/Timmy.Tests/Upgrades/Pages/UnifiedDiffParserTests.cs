using Timmy.Web.Components.Upgrades.Diff;

namespace Timmy.Tests.Upgrades.Pages;

/// <summary>The diff view's reading of a git patch, its side-by-side rows and its light colouring.</summary>
public sealed class UnifiedDiffParserTests
{
    private const string Patch = """
        diff --git a/src/calc.sh b/src/calc.sh
        index 1111111..2222222 100644
        --- a/src/calc.sh
        +++ b/src/calc.sh
        @@ -2,3 +2,4 @@
         # A tiny calculator: add A B, greet NAME.
         add() { echo $(($1 + $2)); }
        -greet() { echo "hello $1"; }
        +greet() { echo "hi $1"; }
        +double() { echo $(($1 * 2)); }
        diff --git a/docs/new.md b/docs/new.md
        new file mode 100644
        index 0000000..3333333
        --- /dev/null
        +++ b/docs/new.md
        @@ -0,0 +1 @@
        +# New
        \ No newline at end of file
        diff --git a/logo.png b/logo.png
        index 4444444..5555555 100644
        Binary files a/logo.png and b/logo.png differ

        """;

    [Fact]
    public void Parse_GitPatch_GivesFilesHunksAndLineNumbers()
    {
        var files = UnifiedDiffParser.Parse(Patch);

        Assert.Equal(["src/calc.sh", "docs/new.md", "logo.png"], files.Select(f => f.Path));
        var calc = files[0];
        Assert.Equal((2, 1), (calc.Added, calc.Removed));
        var lines = calc.Hunks.Single().Lines;
        Assert.Equal(new DiffLine(DiffLine.Context, 2, 2, "# A tiny calculator: add A B, greet NAME."), lines[0]);
        Assert.Equal(new DiffLine(DiffLine.Removed, 4, null, "greet() { echo \"hello $1\"; }"), lines[2]);
        Assert.Equal(new DiffLine(DiffLine.Added, null, 5, "double() { echo $(($1 * 2)); }"), lines[4]);
        Assert.True(files[1].IsNew);
        Assert.Equal(new DiffLine(DiffLine.Added, null, 1, "# New"), files[1].Hunks.Single().Lines.Single());
        Assert.True(files[2].IsBinary);
        Assert.Empty(files[2].Hunks);
    }

    [Fact]
    public void SplitRows_LineUpOldAndNewWithTheirFileNumbers()
    {
        var rows = SplitDiffBuilder.Rows(UnifiedDiffParser.Parse(Patch)[0].Hunks.Single());

        Assert.Equal((2, 2), (rows[0].Old.Number, rows[0].New.Number));
        Assert.Equal(("modified", "modified"), (rows[2].Old.Change, rows[2].New.Change));
        Assert.Equal((4, 4), (rows[2].Old.Number, rows[2].New.Number));
        Assert.True(rows[3].Old.IsBlank);
        Assert.Equal(("inserted", 5), (rows[3].New.Change, rows[3].New.Number));
    }

    [Fact]
    public void Highlighter_ColoursKeywordsStringsAndComments_ByExtension()
    {
        var tokens = SyntaxHighlighter.Tokens("src/App.cs", "var name = \"timmy\"; // who");

        Assert.Equal(
            [new(SyntaxToken.Keyword, "var"), new(SyntaxToken.Plain, " name = "), new(SyntaxToken.String, "\"timmy\""), new(SyntaxToken.Plain, "; "),
             new(SyntaxToken.Comment, "// who")],
            tokens);
        Assert.Equal([new SyntaxToken(SyntaxToken.Plain, "var x = 1")], SyntaxHighlighter.Tokens("notes.txt", "var x = 1"));
    }
}
