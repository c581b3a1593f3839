using Timmy.Core.Memory.Documents;

namespace Timmy.Tests.Memory.Documents;

/// <summary>What every chunking must satisfy: each chunk is the slice of the normalised text its offsets name,
/// trimmed and within the size, with correct line numbers; chunks are in order, never overlap, and together
/// hold every non-whitespace character exactly once.</summary>
public static class ChunkInvariants
{
    public static void Check(string text, IReadOnlyList<DocumentChunk> chunks, int maxChars)
    {
        var normalised = text.Replace("\r\n", "\n");
        var covered = new int[normalised.Length];
        var previousEnd = 0;
        for (var i = 0; i < chunks.Count; i++)
        {
            var chunk = chunks[i];
            Assert.Equal(i, chunk.Index);
            Assert.InRange(chunk.Length, 1, maxChars);
            Assert.True(chunk.Start >= previousEnd, $"chunk {i} overlaps the one before");
            Assert.Equal(normalised.Substring(chunk.Start, chunk.Length), chunk.Text);
            Assert.Equal(chunk.Text.Trim(), chunk.Text);
            Assert.Equal(LineAt(normalised, chunk.Start), chunk.FirstLine);
            Assert.Equal(LineAt(normalised, chunk.Start + chunk.Length - 1), chunk.LastLine);
            for (var c = chunk.Start; c < chunk.Start + chunk.Length; c++)
            {
                covered[c]++;
            }
            previousEnd = chunk.Start + chunk.Length;
        }
        for (var c = 0; c < normalised.Length; c++)
        {
            if (!char.IsWhiteSpace(normalised[c]))
            {
                Assert.True(covered[c] == 1, $"character {c} ('{normalised[c]}') is covered {covered[c]} times");
            }
        }
    }

    private static int LineAt(string text, int offset) => text.AsSpan(0, offset).Count('\n') + 1;
}
