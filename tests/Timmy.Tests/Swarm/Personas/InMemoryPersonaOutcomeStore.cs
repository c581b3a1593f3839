using Timmy.Core.Swarm.Personas;

namespace Timmy.Tests.Swarm.Personas;

/// <summary>An outcome store in a list, for tests of the learner and the bidder that need no database.</summary>
internal sealed class InMemoryPersonaOutcomeStore : IPersonaOutcomeStore
{
    private readonly Lock _gate = new();
    private readonly List<PersonaOutcome> _rows = [];

    public Task<IReadOnlyList<PersonaOutcome>> RecordBidsAsync(
        string taskId, IReadOnlyList<PersonaBidOutcome> bids, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            var stored = bids.Select(b => Upsert(new PersonaOutcome(b.PersonaId, taskId, b.Keywords, b.BidSats, b.Won, null,
                DateTimeOffset.UnixEpoch))).ToList();
            return Task.FromResult<IReadOnlyList<PersonaOutcome>>(stored);
        }
    }

    public Task<PersonaOutcome?> RecordResultAsync(string taskId, string personaId, bool succeeded, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            var row = _rows.Find(r => r.TaskId == taskId && r.PersonaId == personaId && r.Won);
            return Task.FromResult(row is null ? null : Upsert(row with { Succeeded = succeeded }));
        }
    }

    // The learner's unit tests do not use transactions; the SQLite store's tests and the swarm's cover them.
    public Task<IReadOnlyList<PersonaOutcome>> RecordBidsAsync(
        Timmy.Core.Storage.WriteTransaction transaction, string taskId, IReadOnlyList<PersonaBidOutcome> bids, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("in-memory store: no transactions");

    public Task<PersonaOutcome?> RecordResultAsync(
        Timmy.Core.Storage.WriteTransaction transaction, string taskId, string personaId, bool succeeded, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("in-memory store: no transactions");

    public Task<IReadOnlyList<PersonaOutcome>> LoadRecentAsync(int perPersona, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            var recent = _rows.GroupBy(r => r.PersonaId).SelectMany(g => g.TakeLast(perPersona)).ToList();
            return Task.FromResult<IReadOnlyList<PersonaOutcome>>(recent);
        }
    }

    private PersonaOutcome Upsert(PersonaOutcome row)
    {
        var index = _rows.FindIndex(r => r.TaskId == row.TaskId && r.PersonaId == row.PersonaId);
        if (index < 0)
        {
            _rows.Add(row);
            return row;
        }
        _rows[index] = row with { Succeeded = row.Succeeded ?? _rows[index].Succeeded, RecordedAt = _rows[index].RecordedAt };
        return _rows[index];
    }
}
