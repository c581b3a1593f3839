using System.Threading.Channels;

namespace Timmy.Core.Events;

/// <summary>One listener on the <see cref="EventBus"/>. It has a bounded buffer: publishing never waits
/// for it, and when the buffer is full new events are dropped and counted, to be reported as one
/// <see cref="EventGap"/> at the point in the stream where they would have been.</summary>
public sealed class EventSubscription : IDisposable
{
    private readonly Channel<EventRecord> _buffer;
    private IReadOnlyList<EventTypePattern> _types;
    private readonly Action<EventSubscription> _onDispose;
    private readonly Lock _gapLock = new();
    private long _missed;
    private long _missedFrom;

    internal EventSubscription(int capacity, IReadOnlyList<EventTypePattern> types, Action<EventSubscription> onDispose)
    {
        _buffer = Channel.CreateBounded<EventRecord>(new BoundedChannelOptions(capacity)
        {
            SingleReader = true,
            SingleWriter = false,
            FullMode = BoundedChannelFullMode.Wait,
        });
        _types = types;
        _onDispose = onDispose;
    }

    /// <summary>The type filter in force; empty means every event.</summary>
    public IReadOnlyList<EventTypePattern> Types => Volatile.Read(ref _types);

    /// <summary>Changes which events are delivered from now on.</summary>
    public void SetTypes(IReadOnlyList<EventTypePattern> types) => Volatile.Write(ref _types, types);

    /// <summary>Events dropped since the subscription started (for diagnostics).</summary>
    public long TotalDropped { get; private set; }

    internal void Offer(EventRecord record)
    {
        if (!EventTypePattern.MatchesAny(Types, record.EventType) || _buffer.Writer.TryWrite(record))
        {
            return;
        }
        lock (_gapLock)
        {
            if (_missed == 0)
            {
                _missedFrom = record.Id;
            }
            _missed++;
            TotalDropped++;
        }
    }

    /// <summary>Waits for the next item. Completes with an exception only on cancellation or disposal.</summary>
    public async ValueTask<FeedItem> ReadAsync(CancellationToken cancellationToken = default)
    {
        while (true)
        {
            if (TryTakeGap(out var gap))
            {
                return new FeedItem(null, gap);
            }
            if (_buffer.Reader.TryRead(out var record))
            {
                return new FeedItem(record, null);
            }
            if (!await _buffer.Reader.WaitToReadAsync(cancellationToken))
            {
                throw new ObjectDisposedException(nameof(EventSubscription));
            }
        }
    }

    private bool TryTakeGap(out EventGap gap)
    {
        lock (_gapLock)
        {
            // Report the gap once everything buffered before it has been read.
            var beforeGapPending = _buffer.Reader.TryPeek(out var next) && next.Id < _missedFrom;
            if (_missed == 0 || beforeGapPending)
            {
                gap = null!;
                return false;
            }
            gap = new EventGap(_missed, _missedFrom);
            _missed = 0;
            return true;
        }
    }

    public void Dispose()
    {
        _buffer.Writer.TryComplete();
        _onDispose(this);
    }
}
