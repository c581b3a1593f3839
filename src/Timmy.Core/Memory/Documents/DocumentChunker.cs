namespace Timmy.Core.Memory.Documents;

/// <summary>Cuts an uploaded text or Markdown document into chunks for the memory. The text is first
/// normalised for line endings only ("\r\n" becomes "\n"); every offset, length and line number refers to
/// that normalised text. Markdown is split at headings (each chunk keeps the heading path it sits under),
/// then every document at blank-line paragraphs, then sentences, then words, and a word longer than the
/// chunk size is cut hard. Neighbouring pieces under the same heading are merged while the merged slice
/// stays within the size. Chunks never overlap, are in document order, each is at most the size, and
/// together they hold every non-whitespace character of the text exactly once.</summary>
public static class DocumentChunker
{
    public const int DefaultMaxChars = 1200;

    /// <summary>The smallest chunk size accepted (a hard cut must keep a surrogate pair whole).</summary>
    public const int MinMaxChars = 2;

    public static IReadOnlyList<DocumentChunk> Chunk(string text, bool markdown, int maxChars = DefaultMaxChars)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxChars, MinMaxChars);
        var normalised = text.Replace("\r\n", "\n", StringComparison.Ordinal);
        var lines = new LineIndex(normalised);
        var chunks = new List<DocumentChunk>();
        var pieces = new List<TextRange>();
        TextRange? open = null;
        string? openHeading = null;
        foreach (var block in DocumentBlocks.Read(normalised, markdown))
        {
            pieces.Clear();
            BlockSplitter.Split(normalised, block.Range, maxChars, pieces);
            for (var i = 0; i < pieces.Count; i++)
            {
                var piece = pieces[i];
                var newSection = block.IsHeading && i == 0;
                if (open is { } current && !newSection && openHeading == block.Heading && piece.End - current.Start <= maxChars)
                {
                    open = current with { End = piece.End };
                    continue;
                }
                Emit(open);
                open = piece;
                openHeading = block.Heading;
            }
        }
        Emit(open);
        return chunks;

        void Emit(TextRange? range)
        {
            if (range is { } r)
            {
                chunks.Add(new DocumentChunk(chunks.Count, r.Start, r.Length, lines.LineOf(r.Start), lines.LineOf(r.End - 1),
                    openHeading, normalised.Substring(r.Start, r.Length)));
            }
        }
    }

    /// <summary>Whether the memory accepts a file of this name (.txt, .text, .md, .markdown, in any case), and
    /// whether it is Markdown.</summary>
    public static bool IsSupported(string fileName, out bool markdown)
    {
        var extension = Path.GetExtension(fileName ?? "").ToLowerInvariant();
        markdown = extension is ".md" or ".markdown";
        return markdown || extension is ".txt" or ".text";
    }
}
