using Timmy.Web.Components.Memory;

namespace Timmy.Tests.Memory.Pages;

/// <summary>The memory page's plain parts: highlighting, the filters as the address carries them, metadata, words.</summary>
public sealed class MemoryViewModelTests
{
    [Fact]
    public void Highlight_MarksOnlyTheMatchedWords_CaseInsensitively()
    {
        var pieces = TextHighlight.Pieces("Coffee, then more coffee-time.", ["coffee"]);

        Assert.Equal(
            [new("Coffee", true), new(", then more ", false), new("coffee", true), new("-time.", false)],
            pieces);
    }

    [Fact]
    public void Highlight_LongText_IsCutAroundTheFirstMatch()
    {
        var text = string.Join(' ', Enumerable.Repeat("filler", 200)) + " the needle is here " + string.Join(' ', Enumerable.Repeat("tail", 200));

        var pieces = TextHighlight.Pieces(text, ["needle"], 200);

        Assert.Equal("…", pieces[0].Text);
        Assert.Equal("…", pieces[^1].Text);
        Assert.Contains(new TextHighlight.Piece("needle", true), pieces);
        Assert.True(string.Concat(pieces.Select(p => p.Text)).Length <= 204);
    }

    [Fact]
    public void Filters_Valid_BecomeAFilter_UntilIncludingItsWholeDay()
    {
        var (filter, errors) = MemoryFilters.From(" coffee ", "fact", "owner", "2026-03-01", "2026-03-02", null).ToFilter();

        Assert.Empty(errors);
        Assert.Equal(["fact"], filter.ContextTypes!);
        Assert.Equal("owner", filter.AgentId);
        Assert.Equal(new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero), filter.Since);
        Assert.Equal(new DateTimeOffset(2026, 3, 3, 0, 0, 0, TimeSpan.Zero).AddTicks(-1), filter.Until);
    }

    [Fact]
    public void Filters_Url_KeepsOnlyWhatIsSet()
    {
        var filters = MemoryFilters.From("dark roast", null, "", null, "2026-03-02", null);

        Assert.Equal("/memory?q=dark%20roast&until=2026-03-02&before=abc", filters.Url("abc"));
    }

    [Fact]
    public void Metadata_OfADocumentChunk_SaysWhereItIs()
    {
        var metadata = EntryMetadata.Parse("""{"document":"notes.md","chunk":1,"chunks":4,"first_line":5,"last_line":9,"heading":"Garden › Tools"}""");

        Assert.Equal("notes.md", metadata.Document);
        Assert.Equal("Garden › Tools", metadata.Heading);
        Assert.Equal("chunk 2 of 4 · lines 5–9", metadata.Position);
    }

    [Theory]
    [InlineData("")]
    [InlineData("[1,2]")]
    [InlineData("{not json")]
    public void Metadata_NotAnObject_ReadsAsNothing(string json) => Assert.Equal(EntryMetadata.Empty, EntryMetadata.Parse(json));

    [Theory]
    [InlineData(10, "just now")]
    [InlineData(300, "5 min ago")]
    [InlineData(7200, "2 h ago")]
    [InlineData(86_400 * 3, "3 days ago")]
    public void Ago_SaysHowLongAgo(int seconds, string expected)
    {
        var now = new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

        Assert.Equal(expected, MemoryFormat.Ago(now.AddSeconds(-seconds), now));
    }
}
