using Timmy.Core.Storage;

namespace Timmy.Core.Swarm.Personas;

/// <summary>Where the bid learner's history lives, so learning survives restarts (table <c>persona_outcomes</c>).</summary>
public interface IPersonaOutcomeStore
{
    /// <summary>Stores every bid of one auction in one transaction. A persona already recorded for the task gets its
    /// keywords, bid and won flag replaced; its result and first-recorded time are kept. Returns the stored rows in the
    /// order given.</summary>
    Task<IReadOnlyList<PersonaOutcome>> RecordBidsAsync(
        string taskId, IReadOnlyList<PersonaBidOutcome> bids, CancellationToken cancellationToken = default);

    /// <summary>As the other overload, inside a write transaction the caller commits (with the auction's close).</summary>
    Task<IReadOnlyList<PersonaOutcome>> RecordBidsAsync(
        WriteTransaction transaction, string taskId, IReadOnlyList<PersonaBidOutcome> bids, CancellationToken cancellationToken = default);

    /// <summary>Sets whether the task the persona won succeeded. Returns the updated row, or null when the persona
    /// has no winning bid recorded for the task (nothing is changed then).</summary>
    Task<PersonaOutcome?> RecordResultAsync(string taskId, string personaId, bool succeeded, CancellationToken cancellationToken = default);

    /// <summary>As the other overload, inside a write transaction the caller commits (with the task's end).</summary>
    Task<PersonaOutcome?> RecordResultAsync(
        WriteTransaction transaction, string taskId, string personaId, bool succeeded, CancellationToken cancellationToken = default);

    /// <summary>The most recent <paramref name="perPersona"/> rows of every persona, each persona's oldest first.</summary>
    Task<IReadOnlyList<PersonaOutcome>> LoadRecentAsync(int perPersona, CancellationToken cancellationToken = default);
}
