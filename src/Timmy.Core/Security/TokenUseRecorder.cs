using System.Collections.Concurrent;

namespace Timmy.Core.Security;

/// <summary>The latest use of each token since the last flush, kept in memory so that a request writes nothing;
/// <see cref="TokenUseFlushService"/> stores them once a minute and at shutdown, one write for all tokens.</summary>
public sealed class TokenUseRecorder(IAuthStore store)
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> _pending = new(StringComparer.Ordinal);

    public void Record(string tokenId, DateTimeOffset at) =>
        _pending.AddOrUpdate(tokenId, at, (_, known) => at > known ? at : known);

    /// <summary>Stores every pending use; a use recorded meanwhile stays pending for the next flush.
    /// Returns how many tokens were written.</summary>
    public async Task<int> FlushAsync(CancellationToken cancellationToken = default)
    {
        var uses = _pending.ToArray();
        if (uses.Length == 0)
        {
            return 0;
        }
        try
        {
            await store.TouchTokensAsync(uses, cancellationToken);
        }
        catch
        {
            // Not lost: a later use only replaces it with a later time.
            foreach (var (id, at) in uses)
            {
                Record(id, at);
            }
            throw;
        }
        foreach (var use in uses)
        {
            _pending.TryRemove(use);
        }
        return uses.Length;
    }
}
