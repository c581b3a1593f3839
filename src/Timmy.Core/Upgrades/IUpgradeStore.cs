using Timmy.Core.Storage;

namespace Timmy.Core.Upgrades;

/// <summary>The <c>upgrades</c> table. Writes happen inside the caller's transaction, beside the upgrade.* event they go
/// with; a move names the states it may come from, so a row that moved meanwhile is not overwritten.</summary>
public interface IUpgradeStore
{
    Task InsertAsync(WriteTransaction transaction, Upgrade upgrade, CancellationToken cancellationToken = default);

    Task<Upgrade?> GetAsync(string id, CancellationToken cancellationToken = default);

    Task<Upgrade?> GetAsync(WriteTransaction transaction, string id, CancellationToken cancellationToken = default);

    /// <summary>Writes <paramref name="changed"/> (its status and the fields a move sets) when the stored row is still in
    /// one of the states the state machine allows to reach <see cref="Upgrade.Status"/>; false when it is not.</summary>
    Task<bool> UpdateAsync(WriteTransaction transaction, Upgrade changed, CancellationToken cancellationToken = default);

    /// <summary>Newest first, in the given states (all when empty), older than <paramref name="beforeId"/> when given.</summary>
    Task<IReadOnlyList<Upgrade>> ListAsync(IReadOnlyCollection<string> statuses, int limit, string? beforeId = null, CancellationToken cancellationToken = default);

    Task<int> CountAsync(string status, CancellationToken cancellationToken = default);

    /// <summary>Proposals made before <paramref name="cutoff"/>.</summary>
    Task<IReadOnlyList<Upgrade>> ProposedBeforeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken = default);
}
