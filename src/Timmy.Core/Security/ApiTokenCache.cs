using System.Collections.Concurrent;

namespace Timmy.Core.Security;

/// <summary>Active tokens recently found in the store, by the hash of their secret, each kept for
/// <see cref="Lifetime"/> so a request is authenticated without a database read. Only tokens found active are
/// kept (an unknown secret is looked up every time, so guessing fills nothing). <see cref="Evict"/> drops a
/// revoked token at once; a lookup that raced with it does not put it back (the generation check in
/// <see cref="Add"/>). Another process that revokes a token is only seen here when its entry expires.</summary>
public sealed class ApiTokenCache(TimeProvider time)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);
    public const int MaxEntries = 10_000;

    private readonly ConcurrentDictionary<string, Entry> _byHash = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private long _generation;

    /// <summary>Read before a store lookup and handed to <see cref="Add"/> with its result.</summary>
    public long Generation => Interlocked.Read(ref _generation);

    public ApiToken? Find(string tokenHash)
    {
        if (!_byHash.TryGetValue(tokenHash, out var entry))
        {
            return null;
        }
        if (time.GetUtcNow() < entry.ExpiresAt)
        {
            return entry.Token;
        }
        _byHash.TryRemove(new KeyValuePair<string, Entry>(tokenHash, entry));
        return null;
    }

    /// <summary>Keeps <paramref name="token"/>, unless a token was evicted since <paramref name="generation"/> was read.</summary>
    public void Add(string tokenHash, ApiToken token, long generation)
    {
        lock (_gate)
        {
            if (_generation != generation)
            {
                return;
            }
            if (_byHash.Count >= MaxEntries)
            {
                _byHash.Clear();
            }
            _byHash[tokenHash] = new Entry(token, time.GetUtcNow() + Lifetime);
        }
    }

    /// <summary>Forgets the token with this id: its next use is checked against the store.</summary>
    public void Evict(string tokenId)
    {
        lock (_gate)
        {
            _generation++;
            foreach (var (hash, entry) in _byHash)
            {
                if (entry.Token.Id == tokenId)
                {
                    _byHash.TryRemove(hash, out _);
                }
            }
        }
    }

    private sealed record Entry(ApiToken Token, DateTimeOffset ExpiresAt);
}
