using Timmy.Core.Storage;

namespace Timmy.Core.Lightning.Ledger;

/// <summary>The <c>ledger</c> table. Writes take the caller's <see cref="WriteTransaction"/>, so an entry, its event
/// and whatever else belongs with it (a task's payout, a budget check) commit together.</summary>
public interface ILedgerStore
{
    /// <exception cref="DuplicatePaymentHashException">An entry with this payment hash exists.</exception>
    Task<LedgerEntry> InsertAsync(WriteTransaction transaction, LedgerEntry entry, CancellationToken cancellationToken = default);

    /// <summary>Moves a pending entry to a final state (<see cref="LedgerStateMachine"/>); an entry already in that state
    /// is returned unchanged with <see cref="LedgerMove.Moved"/> false.</summary>
    /// <exception cref="IllegalLedgerTransitionException">The entry is in another final state.</exception>
    Task<LedgerMove> MoveAsync(WriteTransaction transaction, LedgerChange change, CancellationToken cancellationToken = default);

    Task<LedgerEntry?> GetAsync(string id, CancellationToken cancellationToken = default);

    Task<LedgerEntry?> GetByHashAsync(string paymentHash, CancellationToken cancellationToken = default);

    Task<LedgerPage> ListAsync(LedgerFilter filter, CancellationToken cancellationToken = default);

    /// <summary>Every entry the filter matches, oldest first, read in pages (for the CSV export).</summary>
    IAsyncEnumerable<LedgerEntry> ExportAsync(LedgerFilter filter, CancellationToken cancellationToken = default);

    /// <summary>Every pending entry, oldest first (what the reconciler asks the node about).</summary>
    Task<IReadOnlyList<LedgerEntry>> PendingAsync(CancellationToken cancellationToken = default);

    Task<LedgerBalance> BalanceAsync(CancellationToken cancellationToken = default);

    Task<IReadOnlyList<LedgerDay>> DailyAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken = default);

    /// <summary>What an agent's own payments (source <c>agent</c>: not the payouts it received) created since <paramref name="since"/> (all of them when null) have
    /// spent or may still spend: settled amounts and fees, and pending amounts with their most fee.</summary>
    Task<long> SpentByAgentAsync(WriteTransaction transaction, string agentId, DateTimeOffset? since, CancellationToken cancellationToken = default);

    /// <summary>The same, read outside a transaction (for showing a budget).</summary>
    Task<long> SpentByAgentAsync(string agentId, DateTimeOffset? since, CancellationToken cancellationToken = default);
}
