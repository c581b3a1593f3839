using System.Text.RegularExpressions;

namespace Timmy.Core.Memory.Documents;

/// <summary>Cuts a normalised document into blocks: runs of non-blank lines (paragraphs). In Markdown, an ATX
/// heading line ("## Linux") is a block of its own and opens a new heading path, a paragraph underlined with
/// "===" or "---" is a setext heading, and a fenced code block is one block whatever blank lines or "#"
/// lines it holds. Every non-whitespace character of the text falls in exactly one block.</summary>
internal static partial class DocumentBlocks
{
    public static List<DocumentBlock> Read(string text, bool markdown)
    {
        var reader = new Reader(text, markdown);
        for (var start = 0; start < text.Length;)
        {
            var newline = text.IndexOf('\n', start);
            var end = newline < 0 ? text.Length : newline;
            reader.Line(new TextRange(start, end));
            start = end + 1;
        }
        reader.Close();
        return reader.Blocks;
    }

    /// <summary>The reading state: the open block, the open fence and the heading stack.</summary>
    private sealed class Reader(string text, bool markdown)
    {
        private readonly List<(int Level, string Title)> _headings = [];
        private int _blockStart = -1;
        private int _blockEnd;
        private bool _blockIsParagraph;
        private bool _blockIsHeading;
        private string? _blockHeading;
        private string? _fence;

        public List<DocumentBlock> Blocks { get; } = [];

        public void Line(TextRange line)
        {
            var content = text.AsSpan(line.Start, line.Length);
            if (_fence is not null)
            {
                _blockEnd = line.End;
                if (ClosingFence().Match(text, line.Start, line.Length) is { Success: true } closing &&
                    closing.Groups[1].Value.StartsWith(_fence, StringComparison.Ordinal))
                {
                    _fence = null;
                    Close();
                }
                return;
            }
            if (content.IsWhiteSpace())
            {
                Close();
                return;
            }
            if (!markdown)
            {
                Extend(line, paragraph: true);
                return;
            }
            if (AtxHeading().Match(text, line.Start, line.Length) is { Success: true } atx)
            {
                Close();
                Push(atx.Groups[1].Length, atx.Groups[2].Value);
                Extend(line, paragraph: false);
                _blockIsHeading = true;
                Close();
            }
            else if (_blockStart >= 0 && _blockIsParagraph && SetextUnderline().Match(text, line.Start, line.Length) is { Success: true } underline)
            {
                var title = WhiteSpace().Replace(text[_blockStart.._blockEnd].Trim(), " ");
                Push(underline.Groups[1].Value[0] == '=' ? 1 : 2, title);
                _blockHeading = Path();
                _blockIsHeading = true;
                Extend(line, paragraph: false);
                Close();
            }
            else if (OpeningFence().Match(text, line.Start, line.Length) is { Success: true } opening)
            {
                Close();
                Extend(line, paragraph: false);
                _fence = opening.Groups[1].Value;
            }
            else
            {
                Extend(line, paragraph: true);
            }
        }

        public void Close()
        {
            if (_blockStart >= 0)
            {
                var range = new TextRange(_blockStart, _blockEnd).Trim(text);
                if (range.Length > 0)
                {
                    Blocks.Add(new DocumentBlock(range, _blockHeading, _blockIsHeading));
                }
            }
            _blockStart = -1;
        }

        private void Extend(TextRange line, bool paragraph)
        {
            if (_blockStart < 0)
            {
                _blockStart = line.Start;
                _blockIsParagraph = paragraph;
                _blockIsHeading = false;
                _blockHeading = Path();
            }
            _blockEnd = line.End;
        }

        private void Push(int level, string title)
        {
            _headings.RemoveAll(h => h.Level >= level);
            _headings.Add((level, title.Trim()));
        }

        private string? Path()
        {
            var titles = _headings.Where(h => h.Title.Length > 0).Select(h => h.Title).ToList();
            return titles.Count == 0 ? null : string.Join(" > ", titles);
        }
    }

    [GeneratedRegex(@"\G {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$", RegexOptions.Multiline)]
    private static partial Regex AtxHeading();

    [GeneratedRegex(@"\G {0,3}(=+|-+)[ \t]*$", RegexOptions.Multiline)]
    private static partial Regex SetextUnderline();

    [GeneratedRegex(@"\G {0,3}(`{3,}|~{3,})", RegexOptions.Multiline)]
    private static partial Regex OpeningFence();

    [GeneratedRegex(@"\G {0,3}(`{3,}|~{3,})[ \t]*$", RegexOptions.Multiline)]
    private static partial Regex ClosingFence();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();
}
