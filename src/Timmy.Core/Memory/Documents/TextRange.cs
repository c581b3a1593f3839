namespace Timmy.Core.Memory.Documents;

/// <summary>A half-open range [<see cref="Start"/>, <see cref="End"/>) of a document's normalised text.</summary>
internal readonly record struct TextRange(int Start, int End)
{
    public int Length => End - Start;

    /// <summary>This range without whitespace at either end (empty, at <see cref="End"/>, when all whitespace).</summary>
    public TextRange Trim(string text)
    {
        var start = Start;
        var end = End;
        while (start < end && char.IsWhiteSpace(text[start]))
        {
            start++;
        }
        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }
        return start == end ? new TextRange(End, End) : new TextRange(start, end);
    }
}
