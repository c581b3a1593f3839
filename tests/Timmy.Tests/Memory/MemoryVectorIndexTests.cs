using Timmy.Core.Memory;

namespace Timmy.Tests.Memory;

/// <summary>The in-memory index answers exactly what a brute-force comparison answers, in both its serial and its
/// parallel scan, and stays consistent through removals and replacements.</summary>
public sealed class MemoryVectorIndexTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(500)]
    [InlineData(20_000)]
    public void Nearest_EqualsBruteForce(int count)
    {
        var random = new Random(count);
        var index = new MemoryVectorIndex();
        index.Reset("e", 16);
        var items = Enumerable.Range(0, count).Select(i => Item($"id{i:D6}", RandomUnit(random, 16), agent: i % 3 == 0 ? "echo" : null)).ToList();
        index.Upsert("e", items);
        var query = RandomUnit(random, 16);

        var found = index.Nearest(query, MemoryFilter.None, MemoryViewer.Owner, 25, -1);

        var expected = items.Select(i => (i.Id, Similarity: Dot(query, i.Vector))).OrderByDescending(p => p.Similarity).Take(25).Select(p => p.Id);
        Assert.Equal(expected, found.Select(f => f.Id));
        var echoOnly = index.Nearest(query, new MemoryFilter { AgentId = "echo" }, MemoryViewer.Owner, 10, -1);
        Assert.All(echoOnly, m => Assert.Equal(0, int.Parse(m.Id[2..]) % 3));
    }

    [Fact]
    public void Remove_MovesTheLastSlot_WithoutLosingAnyone()
    {
        var index = new MemoryVectorIndex();
        index.Reset("e", 2);
        index.Upsert("e", [Item("a", [1, 0]), Item("b", [0, 1]), Item("c", [0.6f, 0.8f])]);

        index.Remove(["a", "missing"]);

        Assert.Equal(2, index.Count);
        Assert.Equal(["c", "b"], index.Nearest([0.6f, 0.8f], MemoryFilter.None, MemoryViewer.Owner, 5, -1).Select(m => m.Id));
        index.Upsert("e", [Item("b", [1, 0])]);
        Assert.Equal(2, index.Count);
        Assert.Equal(1f, index.Nearest([1, 0], MemoryFilter.None, MemoryViewer.Owner, 1, -1)[0].Similarity, 5);
    }

    [Fact]
    public void VectorsOfAnotherEmbedderOrLength_AreNotMixedIn()
    {
        var index = new MemoryVectorIndex();
        index.Reset("e", 2);

        index.Upsert("other", [Item("a", [1, 0])]);
        index.Upsert("e", [Item("b", [1, 0, 0])]);

        Assert.Equal(0, index.Count);
    }

    [Fact]
    public void Sharing_ChangesWhoSeesAnEntry()
    {
        var index = new MemoryVectorIndex();
        index.Reset("e", 2);
        index.Upsert("e", [Item("a", [1, 0], agent: "mace")]);
        var echo = MemoryViewer.Agent("echo");

        Assert.Empty(index.Nearest([1, 0], MemoryFilter.None, echo, 5, -1));
        index.SetShared("a", true);
        Assert.Single(index.Nearest([1, 0], MemoryFilter.None, echo, 5, -1));
    }

    private static IndexedVector Item(string id, float[] vector, string? agent = null) =>
        new(id, vector, MemoryContextTypes.Fact, "test", agent, null, null, false, T0);

    private static float[] RandomUnit(Random random, int dims)
    {
        var v = Enumerable.Range(0, dims).Select(_ => (float)(random.NextDouble() * 2 - 1)).ToArray();
        var norm = MathF.Sqrt(v.Sum(x => x * x));
        return v.Select(x => x / norm).ToArray();
    }

    private static float Dot(float[] a, float[] b) => a.Zip(b, (x, y) => x * y).Sum();
}
