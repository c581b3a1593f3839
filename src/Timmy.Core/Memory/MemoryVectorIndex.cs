using System.Numerics.Tensors;

namespace Timmy.Core.Memory;

/// <summary>
/// Every vector of the embedder in use, in one contiguous float array (slot i at <c>i * Dimensions</c>), with the
/// fields filters read kept beside it, so a search is one exact pass of SIMD dot products
/// (<see cref="TensorPrimitives.Dot(ReadOnlySpan{float}, ReadOnlySpan{float})"/>) over every slot that passes the
/// filters, never a read of blobs row by row. Vectors are L2-normalised, so the dot product is the cosine. A removed
/// entry's slot is filled by the last one. Large indexes are scanned in parallel partitions, each keeping its own
/// top-k. Loaded at start and kept in step by the store after each commit.
/// </summary>
public sealed class MemoryVectorIndex
{
    private const int ParallelThreshold = 16_384;

    private readonly ReaderWriterLockSlim _lock = new();
    private readonly Dictionary<string, int> _slotOf = new(StringComparer.Ordinal);
    private float[] _vectors = [];
    private Slot[] _slots = [];
    private int _count;

    /// <summary>The embedder whose vectors the index holds (null until set), and their length.</summary>
    public string? EmbedderId { get; private set; }

    public int Dimensions { get; private set; }

    public int Count
    {
        get
        {
            _lock.EnterReadLock();
            try { return _count; }
            finally { _lock.ExitReadLock(); }
        }
    }

    /// <summary>Bytes the vectors take (the filter fields are extra, and small beside them).</summary>
    public long VectorBytes => (long)Count * Dimensions * sizeof(float);

    /// <summary>Empties the index and makes it hold vectors of <paramref name="embedderId"/>.</summary>
    public void Reset(string embedderId, int dimensions)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(dimensions);
        _lock.EnterWriteLock();
        try
        {
            EmbedderId = embedderId;
            Dimensions = dimensions;
            _slotOf.Clear();
            _vectors = [];
            _slots = [];
            _count = 0;
        }
        finally { _lock.ExitWriteLock(); }
    }

    /// <summary>Adds or replaces entries' vectors. A vector of another embedder or length is ignored (it is not
    /// comparable with the rest; the re-embed brings it in).</summary>
    public void Upsert(string embedderId, IReadOnlyList<IndexedVector> items)
    {
        _lock.EnterWriteLock();
        try
        {
            if (embedderId != EmbedderId)
            {
                return;
            }
            foreach (var item in items)
            {
                if (Dimensions == 0 && _count == 0)
                {
                    Dimensions = item.Vector.Length; // an embedder that learns its length from its first answer
                }
                if (item.Vector.Length != Dimensions)
                {
                    continue;
                }
                if (!_slotOf.TryGetValue(item.Id, out var slot))
                {
                    slot = _count++;
                    Grow(_count);
                    _slotOf[item.Id] = slot;
                }
                item.Vector.CopyTo(_vectors.AsSpan(slot * Dimensions, Dimensions));
                _slots[slot] = new Slot(item);
            }
        }
        finally { _lock.ExitWriteLock(); }
    }

    /// <summary>Makes room for <paramref name="capacity"/> vectors of <paramref name="embedderId"/> in one allocation (before a
    /// load, which knows how many are stored); never shrinks.</summary>
    public void EnsureCapacity(string embedderId, int capacity)
    {
        _lock.EnterWriteLock();
        try
        {
            if (embedderId == EmbedderId && Dimensions > 0 && capacity > _slots.Length)
            {
                Array.Resize(ref _slots, capacity);
                Array.Resize(ref _vectors, capacity * Dimensions);
            }
        }
        finally { _lock.ExitWriteLock(); }
    }

    /// <summary>Changes what filters read of an entry (its sharing) without touching its vector.</summary>
    public void SetShared(string id, bool shared)
    {
        _lock.EnterWriteLock();
        try
        {
            if (_slotOf.TryGetValue(id, out var slot))
            {
                _slots[slot] = _slots[slot] with { Shared = shared };
            }
        }
        finally { _lock.ExitWriteLock(); }
    }

    public void Remove(IEnumerable<string> ids)
    {
        _lock.EnterWriteLock();
        try
        {
            foreach (var id in ids)
            {
                if (!_slotOf.Remove(id, out var slot))
                {
                    continue;
                }
                var last = --_count;
                if (slot != last)
                {
                    _vectors.AsSpan(last * Dimensions, Dimensions).CopyTo(_vectors.AsSpan(slot * Dimensions, Dimensions));
                    _slots[slot] = _slots[last];
                    _slotOf[_slots[slot].Id] = slot;
                }
                _slots[last] = default;
            }
        }
        finally { _lock.ExitWriteLock(); }
    }

    public bool Contains(string id)
    {
        _lock.EnterReadLock();
        try { return _slotOf.ContainsKey(id); }
        finally { _lock.ExitReadLock(); }
    }

    /// <summary>The <paramref name="limit"/> entries most similar to <paramref name="query"/> (a normalised vector of
    /// this index's embedder) among those the viewer may see and the filter passes, at least
    /// <paramref name="minSimilarity"/>, best first. Exact: every such vector is compared.</summary>
    public IReadOnlyList<VectorMatch> Nearest(ReadOnlySpan<float> query, MemoryFilter filter, MemoryViewer viewer, int limit, float minSimilarity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        _lock.EnterReadLock();
        try
        {
            if (_count == 0 || query.Length != Dimensions)
            {
                return [];
            }
            var match = new SlotFilter(filter, viewer);
            if (_count < ParallelThreshold)
            {
                var top = new TopMatches(limit);
                Scan(query, 0, _count, match, minSimilarity, top);
                return top.Best();
            }
            var parts = Math.Min(Environment.ProcessorCount, 8);
            var tops = new TopMatches[parts];
            var queryCopy = query.ToArray();
            var size = (_count + parts - 1) / parts;
            Parallel.For(0, parts, part =>
            {
                tops[part] = new TopMatches(limit);
                var start = part * size;
                Scan(queryCopy, start, Math.Min(_count, start + size), match, minSimilarity, tops[part]);
            });
            var merged = new TopMatches(limit);
            foreach (var part in tops)
            {
                foreach (var m in part.Best())
                {
                    merged.Offer(m);
                }
            }
            return merged.Best();
        }
        finally { _lock.ExitReadLock(); }
    }

    private void Scan(ReadOnlySpan<float> query, int start, int end, SlotFilter match, float minSimilarity, TopMatches top)
    {
        var dims = Dimensions;
        var vectors = _vectors.AsSpan();
        for (var slot = start; slot < end; slot++)
        {
            ref readonly var info = ref _slots[slot];
            if (!match.Passes(in info))
            {
                continue;
            }
            var similarity = TensorPrimitives.Dot(query, vectors.Slice(slot * dims, dims));
            if (similarity >= minSimilarity)
            {
                top.Offer(new VectorMatch(info.Id, similarity));
            }
        }
    }

    private void Grow(int needed)
    {
        if (needed <= _slots.Length)
        {
            return;
        }
        var capacity = Math.Max(needed, Math.Max(256, _slots.Length * 2));
        Array.Resize(ref _slots, capacity);
        Array.Resize(ref _vectors, capacity * Dimensions);
    }

    /// <summary>What filters read of one slot.</summary>
    private readonly record struct Slot(
        string Id, string ContextType, string Source, string? AgentId, string? SessionId, string? TaskId, bool Shared, long Ticks)
    {
        public Slot(IndexedVector item)
            : this(item.Id, item.ContextType, item.Source, item.AgentId, item.SessionId, item.TaskId, item.Shared, item.Timestamp.UtcTicks)
        {
        }
    }

    private readonly struct SlotFilter(MemoryFilter filter, MemoryViewer viewer)
    {
        private readonly long _since = filter.Since?.UtcTicks ?? long.MinValue;
        private readonly long _until = filter.Until?.UtcTicks ?? long.MaxValue;
        private readonly string? _agent = filter.AgentId == MemoryFilter.OwnerAgentId ? null : filter.AgentId;
        private readonly bool _ownerOnly = filter.AgentId == MemoryFilter.OwnerAgentId;

        public bool Passes(in Slot slot) =>
            viewer.CanSee(slot.AgentId, slot.Shared)
            && (filter.ContextTypes is null || filter.ContextTypes.Contains(slot.ContextType))
            && (_ownerOnly ? slot.AgentId is null : _agent is null || slot.AgentId == _agent)
            && (filter.SessionId is null || slot.SessionId == filter.SessionId)
            && (filter.ExcludeSessionId is null || slot.SessionId != filter.ExcludeSessionId)
            && (filter.TaskId is null || slot.TaskId == filter.TaskId)
            && (filter.Source is null || slot.Source == filter.Source)
            && slot.Ticks >= _since && slot.Ticks <= _until;
    }

    /// <summary>The best k matches seen so far: a min-heap whose root is the worst kept.</summary>
    private sealed class TopMatches(int limit)
    {
        private readonly PriorityQueue<VectorMatch, float> _heap = new(limit + 1);

        public void Offer(VectorMatch match)
        {
            if (_heap.Count < limit)
            {
                _heap.Enqueue(match, match.Similarity);
            }
            else if (_heap.TryPeek(out _, out var worst) && match.Similarity > worst)
            {
                _heap.EnqueueDequeue(match, match.Similarity);
            }
        }

        public IReadOnlyList<VectorMatch> Best() =>
            _heap.UnorderedItems.Select(i => i.Element).OrderByDescending(m => m.Similarity).ThenBy(m => m.Id, StringComparer.Ordinal).ToList();
    }
}
