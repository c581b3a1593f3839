using System.Diagnostics;
using Timmy.Core.Memory.Documents;

namespace Timmy.Tests.Memory.Documents;

public sealed class DocumentChunkerTests
{
    private const string Guide =
        """
        Intro paragraph before any heading.

        # Install

        Download the package.

        ## Linux

        Run the script.
        It needs bash.

        ## Windows

        Run the installer.

        # Use

        Start it.
        """;

    [Fact]
    public void Chunk_Markdown_GivesEachChunkItsHeadingPath()
    {
        var chunks = DocumentChunker.Chunk(Guide, markdown: true);

        Assert.Equal([null, "Install", "Install > Linux", "Install > Windows", "Use"], chunks.Select(c => c.Heading));
        Assert.Equal("## Linux\n\nRun the script.\nIt needs bash.", chunks[2].Text);
        Assert.Equal(Enumerable.Range(0, 5), chunks.Select(c => c.Index));
    }

    [Fact]
    public void Chunk_Markdown_KnowsLineNumbers()
    {
        var chunks = DocumentChunker.Chunk(Guide, markdown: true);

        Assert.Equal([(1, 1), (3, 5), (7, 10), (12, 14), (16, 18)], chunks.Select(c => (c.FirstLine, c.LastLine)));
    }

    [Fact]
    public void Chunk_PlainText_HasNoHeadingsAndMergesSmallParagraphs()
    {
        var chunks = DocumentChunker.Chunk(Guide, markdown: false);

        var chunk = Assert.Single(chunks);
        Assert.Null(chunk.Heading);
        Assert.Equal(Guide.Trim(), chunk.Text);
    }

    [Fact]
    public void Chunk_SetextHeadingsAndFencedCode_AreMarkdown()
    {
        const string text = "Title\n=====\n\nText.\n\n```\n# not a heading\n\nstill code\n```\n\nSection\n-------\nMore.";

        var chunks = DocumentChunker.Chunk(text, markdown: true);

        Assert.Equal(["Title", "Title > Section"], chunks.Select(c => c.Heading));
        Assert.Equal("Title\n=====\n\nText.\n\n```\n# not a heading\n\nstill code\n```", chunks[0].Text);
    }

    [Fact]
    public void Chunk_CrLf_OffsetsReferToTheNormalisedText()
    {
        var text = "# One\r\n\r\nFirst line.\r\nSecond line.\r\n\r\n# Two\r\n\r\nLast.\r\n";
        var normalised = text.Replace("\r\n", "\n");

        var chunks = DocumentChunker.Chunk(text, markdown: true);

        Assert.Equal(2, chunks.Count);
        Assert.All(chunks, c => Assert.Equal(normalised.Substring(c.Start, c.Length), c.Text));
        Assert.DoesNotContain(chunks, c => c.Text.Contains('\r'));
        Assert.Equal([(1, 4), (6, 8)], chunks.Select(c => (c.FirstLine, c.LastLine)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n\t\r\n  \n")]
    public void Chunk_EmptyOrWhitespace_GivesNoChunks(string text)
    {
        Assert.Empty(DocumentChunker.Chunk(text, markdown: true));
        Assert.Empty(DocumentChunker.Chunk(text, markdown: false));
    }

    [Fact]
    public void Chunk_LongParagraph_SplitsAtSentencesWithinTheSize()
    {
        var text = string.Join(' ', Enumerable.Range(1, 40).Select(i => $"Sentence number {i} is here."));

        var chunks = DocumentChunker.Chunk(text, markdown: false, maxChars: 100);

        Assert.All(chunks, c => Assert.InRange(c.Length, 1, 100));
        Assert.All(chunks, c => Assert.EndsWith(".", c.Text));
        Assert.All(chunks, c => Assert.StartsWith("Sentence", c.Text));
    }

    [Fact]
    public void Chunk_LongSentence_SplitsBetweenWords()
    {
        var text = string.Join(' ', Enumerable.Repeat("word", 100));

        var chunks = DocumentChunker.Chunk(text, markdown: false, maxChars: 22);

        Assert.All(chunks, c => Assert.Equal("word word word word", c.Text));
    }

    [Fact]
    public void Chunk_WordLongerThanTheSize_IsCutHardButNotInsideASurrogatePair()
    {
        var text = "ab" + string.Concat(Enumerable.Repeat("😀", 5));

        var chunks = DocumentChunker.Chunk(text, markdown: false, maxChars: 3);

        Assert.Equal(["ab", "😀", "😀", "😀", "😀", "😀"], chunks.Select(c => c.Text));
    }

    [Fact]
    public void Chunk_TinySize_IsRefused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => DocumentChunker.Chunk("text", markdown: false, maxChars: 1));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    [InlineData(7)]
    [InlineData(8)]
    public void Chunk_RandomDocuments_CoverEveryCharacterOnceWithinTheSize(int seed)
    {
        var random = new Random(seed);
        for (var round = 0; round < 25; round++)
        {
            var text = RandomDocument.Create(random, random.Next(0, 4000));
            var markdown = random.Next(2) == 0;
            var maxChars = random.Next(2, 300);

            var chunks = DocumentChunker.Chunk(text, markdown, maxChars);

            ChunkInvariants.Check(text, chunks, maxChars);
        }
    }

    [Fact]
    public void Chunk_200KbDocument_IsQuickAndSound()
    {
        var text = RandomDocument.Create(new Random(42), 200 * 1024);

        var clock = Stopwatch.StartNew();
        var chunks = DocumentChunker.Chunk(text, markdown: true);
        clock.Stop();

        ChunkInvariants.Check(text, chunks, DocumentChunker.DefaultMaxChars);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
    }

    [Theory]
    [InlineData("notes.txt", true, false)]
    [InlineData("NOTES.TEXT", true, false)]
    [InlineData("guide.md", true, true)]
    [InlineData("Guide.Markdown", true, true)]
    [InlineData("photo.png", false, false)]
    [InlineData("README", false, false)]
    [InlineData("archive.md.zip", false, false)]
    [InlineData("", false, false)]
    public void IsSupported_KnowsTextAndMarkdownNames(string fileName, bool supported, bool markdown)
    {
        Assert.Equal(supported, DocumentChunker.IsSupported(fileName, out var isMarkdown));
        Assert.Equal(markdown, isMarkdown);
    }
}
