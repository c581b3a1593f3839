using Timmy.Core.Storage;

namespace Timmy.Core.Swarm.Personas;

/// <summary>Learns from auctions and task results how each persona should adjust its bids (the rule is
/// <see cref="BidFactorRule"/>). Everything is written to <see cref="IPersonaOutcomeStore"/> first and only then
/// learned, and <see cref="LoadAsync"/> reads the store back at start-up, so learning survives restarts. Keeps the
/// most recent <c>window</c> outcomes of each persona in memory. One per process; safe to call from any thread.</summary>
public sealed class BidLearner(IPersonaOutcomeStore store, int minOutcomes = BidLearner.DefaultMinOutcomes, int window = BidLearner.DefaultWindow)
{
    public const int DefaultMinOutcomes = 5;
    public const int DefaultWindow = 200;

    private readonly Lock _gate = new();
    private readonly Dictionary<string, PersonaHistory> _histories = new(StringComparer.Ordinal);

    public int MinOutcomes { get; } = minOutcomes >= 1 ? minOutcomes : throw new ArgumentOutOfRangeException(nameof(minOutcomes));

    public int Window { get; } = window >= 1 ? window : throw new ArgumentOutOfRangeException(nameof(window));

    /// <summary>Replaces what is in memory with each persona's most recent outcomes from the store.</summary>
    public async Task LoadAsync(CancellationToken cancellationToken = default)
    {
        var rows = await store.LoadRecentAsync(Window, cancellationToken);
        lock (_gate)
        {
            _histories.Clear();
            Learn(rows);
        }
    }

    /// <summary>Records every bid of a closed auction (<see cref="PersonaBidOutcome.Won"/> on its winner).</summary>
    public async Task RecordAuctionAsync(string taskId, IReadOnlyList<PersonaBidOutcome> bids, CancellationToken cancellationToken = default)
    {
        var stored = await store.RecordBidsAsync(taskId, bids, cancellationToken);
        lock (_gate)
        {
            Learn(stored);
        }
    }

    /// <summary>Records a closed auction's bids inside <paramref name="transaction"/>; learned once it commits.</summary>
    public async Task RecordAuctionAsync(WriteTransaction transaction, string taskId, IReadOnlyList<PersonaBidOutcome> bids, CancellationToken cancellationToken = default)
    {
        var stored = await store.RecordBidsAsync(transaction, taskId, bids, cancellationToken);
        transaction.OnCommitted(() => LearnLocked(stored));
    }

    /// <summary>Records how a won task turned out inside <paramref name="transaction"/>; learned once it commits.</summary>
    public async Task RecordResultAsync(WriteTransaction transaction, string taskId, string personaId, bool succeeded, CancellationToken cancellationToken = default)
    {
        if (await store.RecordResultAsync(transaction, taskId, personaId, succeeded, cancellationToken) is { } stored)
        {
            transaction.OnCommitted(() => LearnLocked([stored]));
        }
    }

    /// <summary>Records how the task the persona won turned out. False when it has no winning bid recorded for the
    /// task, and nothing is learned.</summary>
    public async Task<bool> RecordResultAsync(string taskId, string personaId, bool succeeded, CancellationToken cancellationToken = default)
    {
        var stored = await store.RecordResultAsync(taskId, personaId, succeeded, cancellationToken);
        if (stored is null)
        {
            return false;
        }
        lock (_gate)
        {
            Learn([stored]);
        }
        return true;
    }

    /// <summary>What the persona's bid on a task matching <paramref name="keywords"/> is multiplied by: 1.0 until it
    /// has <see cref="MinOutcomes"/> outcomes, then within [0.6, 1.5].</summary>
    public double Factor(string personaId, IReadOnlyList<string> keywords)
    {
        lock (_gate)
        {
            return _histories.TryGetValue(personaId, out var history)
                ? BidFactorRule.Compute(history.Outcomes, keywords, MinOutcomes)
                : 1.0;
        }
    }

    /// <summary>The persona's recent record and current factor (all zeros and 1.0 for one never seen).</summary>
    public PersonaLearning Describe(string personaId)
    {
        lock (_gate)
        {
            var history = _histories.GetValueOrDefault(personaId) ?? new PersonaHistory(Window);
            return history.Describe(personaId, MinOutcomes);
        }
    }

    private void LearnLocked(IReadOnlyList<PersonaOutcome> outcomes)
    {
        lock (_gate)
        {
            Learn(outcomes);
        }
    }

    private void Learn(IEnumerable<PersonaOutcome> outcomes)
    {
        foreach (var outcome in outcomes)
        {
            if (!_histories.TryGetValue(outcome.PersonaId, out var history))
            {
                _histories[outcome.PersonaId] = history = new PersonaHistory(Window);
            }
            history.Upsert(outcome);
        }
    }
}
