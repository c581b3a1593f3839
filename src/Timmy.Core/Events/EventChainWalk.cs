namespace Timmy.Core.Events;

/// <summary>Checks events one by one, in id order, against the chain that starts after event
/// <c>anchorId</c> with <c>anchorHash</c>: ids follow without a gap, each event names the previous hash, and its
/// content hashes to its stored hash (<see cref="EventChain"/>). Used on the database and on an exported copy.</summary>
public sealed class EventChainWalk
{
    private readonly long _anchorId;
    private readonly string _anchorHash;
    private long _expectedId;
    private string _prevHash;
    private long _checked;

    public EventChainWalk(long anchorId, string anchorHash)
    {
        _anchorId = anchorId;
        _anchorHash = anchorHash;
        _expectedId = anchorId + 1;
        _prevHash = anchorHash;
    }

    public long? BrokenAtId { get; private set; }
    public string? Problem { get; private set; }

    /// <summary>Checks the next event; false once the chain is broken (later events are not checked).</summary>
    public bool Add(EventRecord e)
    {
        if (BrokenAtId is not null)
        {
            return false;
        }
        if (e.Id != _expectedId)
        {
            return Break(_expectedId, e.Id > _expectedId
                ? $"event #{_expectedId} is missing (the next event is #{e.Id})"
                : $"event #{e.Id} appears out of order (expected #{_expectedId})");
        }
        if (e.Hash is null || e.PrevHash is null)
        {
            return Break(e.Id, $"event #{e.Id} has no hash");
        }
        if (!string.Equals(e.PrevHash, _prevHash, StringComparison.Ordinal))
        {
            return Break(e.Id, $"event #{e.Id} does not follow the event before it (its previous hash differs)");
        }
        if (!string.Equals(EventChain.Hash(_prevHash, e), e.Hash, StringComparison.Ordinal))
        {
            return Break(e.Id, $"event #{e.Id} was altered (its content does not match its hash)");
        }
        _prevHash = e.Hash;
        _expectedId++;
        _checked++;
        return true;
    }

    /// <summary>The result; <paramref name="lastIdHandedOut"/> (when known) catches events cut off the end.</summary>
    public ChainVerification Finish(long? lastIdHandedOut = null)
    {
        if (BrokenAtId is null && lastIdHandedOut is { } last && last >= _expectedId)
        {
            Break(_expectedId, last == _expectedId
                ? $"event #{_expectedId}, the newest, is missing"
                : $"events #{_expectedId} to #{last}, the newest, are missing");
        }
        return new ChainVerification(BrokenAtId is null, _checked, _anchorId, _anchorHash, _expectedId - 1, _prevHash, BrokenAtId, Problem);
    }

    private bool Break(long id, string problem)
    {
        BrokenAtId = id;
        Problem = problem;
        return false;
    }
}
