namespace Timmy.Core.Memory.Documents;

/// <summary>Turns character offsets of a text into 1-based line numbers (lines end at "\n").</summary>
internal sealed class LineIndex
{
    private readonly List<int> _starts = [0];

    public LineIndex(string text)
    {
        for (var i = text.IndexOf('\n'); i >= 0; i = text.IndexOf('\n', i + 1))
        {
            _starts.Add(i + 1);
        }
    }

    /// <summary>The 1-based line holding the character at <paramref name="offset"/>.</summary>
    public int LineOf(int offset)
    {
        var found = _starts.BinarySearch(offset);
        return found >= 0 ? found + 1 : ~found;
    }
}
