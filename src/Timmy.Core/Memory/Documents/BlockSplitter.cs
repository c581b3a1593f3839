namespace Timmy.Core.Memory.Documents;

/// <summary>Cuts a block longer than the chunk size into pieces no longer than it: first at sentence ends and
/// line breaks, then (for a sentence still too long) between words, and only a single word longer than the
/// size is cut hard (never between the two halves of a surrogate pair). Pieces are trimmed, in order, and
/// together hold every non-whitespace character of the block once.</summary>
internal static class BlockSplitter
{
    public static void Split(string text, TextRange range, int maxChars, List<TextRange> pieces)
    {
        if (range.Length <= maxChars)
        {
            pieces.Add(range);
            return;
        }
        foreach (var sentence in Sentences(text, range))
        {
            if (sentence.Length <= maxChars)
            {
                pieces.Add(sentence);
                continue;
            }
            foreach (var word in Words(text, sentence))
            {
                if (word.Length <= maxChars)
                {
                    pieces.Add(word);
                }
                else
                {
                    HardCut(text, word, maxChars, pieces);
                }
            }
        }
    }

    private static IEnumerable<TextRange> Sentences(string text, TextRange range)
    {
        var start = range.Start;
        for (var i = range.Start; i < range.End; i++)
        {
            var end = text[i] == '\n' ? i
                : text[i] is '.' or '!' or '?' && i + 1 < range.End && char.IsWhiteSpace(text[i + 1]) ? i + 1
                : -1;
            if (end >= 0)
            {
                if (new TextRange(start, end).Trim(text) is { Length: > 0 } sentence)
                {
                    yield return sentence;
                }
                start = end;
            }
        }
        if (new TextRange(start, range.End).Trim(text) is { Length: > 0 } last)
        {
            yield return last;
        }
    }

    private static IEnumerable<TextRange> Words(string text, TextRange range)
    {
        var start = -1;
        for (var i = range.Start; i <= range.End; i++)
        {
            var space = i == range.End || char.IsWhiteSpace(text[i]);
            if (space && start >= 0)
            {
                yield return new TextRange(start, i);
                start = -1;
            }
            else if (!space && start < 0)
            {
                start = i;
            }
        }
    }

    private static void HardCut(string text, TextRange word, int maxChars, List<TextRange> pieces)
    {
        for (var start = word.Start; start < word.End;)
        {
            var end = Math.Min(start + maxChars, word.End);
            if (end < word.End && char.IsLowSurrogate(text[end]) && char.IsHighSurrogate(text[end - 1]))
            {
                end--;
            }
            pieces.Add(new TextRange(start, end));
            start = end;
        }
    }
}
