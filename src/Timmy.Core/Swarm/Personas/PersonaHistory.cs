namespace Timmy.Core.Swarm.Personas;

/// <summary>One persona's most recent outcomes, oldest first, at most <c>capacity</c> of them. Not thread-safe:
/// <see cref="BidLearner"/> guards it.</summary>
internal sealed class PersonaHistory(int capacity)
{
    private readonly List<PersonaOutcome> _outcomes = [];

    public IReadOnlyCollection<PersonaOutcome> Outcomes => _outcomes;

    /// <summary>Adds the outcome, or replaces the one for the same task in place. A result already known is never
    /// lost to a row read before it was set (results only ever go from unknown to known).</summary>
    public void Upsert(PersonaOutcome outcome)
    {
        var index = _outcomes.FindIndex(o => o.TaskId == outcome.TaskId);
        if (index >= 0)
        {
            _outcomes[index] = outcome with { Succeeded = outcome.Succeeded ?? _outcomes[index].Succeeded };
            return;
        }
        _outcomes.Add(outcome);
        if (_outcomes.Count > capacity)
        {
            _outcomes.RemoveAt(0);
        }
    }

    public PersonaLearning Describe(string personaId, int minOutcomes)
    {
        var wins = _outcomes.Count(o => o.Won);
        var completed = _outcomes.Count(o => o.Won && o.Succeeded is not null);
        var succeeded = _outcomes.Count(o => o.Won && o.Succeeded == true);
        return new PersonaLearning(personaId, _outcomes.Count, wins, Rate(wins, _outcomes.Count), completed, succeeded,
            Rate(succeeded, completed), BidFactorRule.Compute(_outcomes, [], minOutcomes), minOutcomes);
    }

    private static double Rate(int part, int whole) => whole == 0 ? 0 : (double)part / whole;
}
