using Timmy.Core.Swarm.Personas;
using Timmy.Core.Swarm.Tasks;

namespace Timmy.Core.Swarm.Auctions;

/// <summary>An auction while it is open: the agents it waits for (online and eligible when it opened), what the
/// personas bid (for the learner), and the timer that closes it.</summary>
public sealed class OpenAuction(SwarmTask task, DateTimeOffset closesAt, IEnumerable<string> eligible) : IDisposable
{
    private readonly Lock _lock = new();
    private readonly HashSet<string> _waitingFor = new(eligible, StringComparer.Ordinal);
    private readonly HashSet<string> _answered = new(StringComparer.Ordinal);
    private readonly Dictionary<string, PersonaBidOutcome> _personaBids = new(StringComparer.Ordinal);

    /// <summary>The task as it was when its auction opened.</summary>
    public SwarmTask Task { get; } = task;
    public string TaskId => Task.Id;
    public string Description => Task.Description;
    public DateTimeOffset ClosesAt { get; } = closesAt;
    public ITimer? Timer { get; set; }

    /// <summary>The agents still expected to bid or decline.</summary>
    public IReadOnlyList<string> WaitingFor
    {
        get
        {
            lock (_lock)
            {
                return [.. _waitingFor];
            }
        }
    }

    public bool HasAnswered(string agentId)
    {
        lock (_lock)
        {
            return _answered.Contains(agentId);
        }
    }

    public bool IsWaitingFor(string agentId)
    {
        lock (_lock)
        {
            return _waitingFor.Contains(agentId);
        }
    }

    /// <summary>Notes that the agent answered (bid, declined, or went offline); true when nobody is left to wait for.</summary>
    public bool Answered(string agentId)
    {
        lock (_lock)
        {
            _answered.Add(agentId);
            _waitingFor.Remove(agentId);
            return _waitingFor.Count == 0;
        }
    }

    public void NotePersonaBid(PersonaBidOutcome bid)
    {
        lock (_lock)
        {
            _personaBids[bid.PersonaId] = bid;
        }
    }

    /// <summary>The personas' bids, each marked won when its persona is <paramref name="winner"/>.</summary>
    public IReadOnlyList<PersonaBidOutcome> PersonaOutcomes(string? winner)
    {
        lock (_lock)
        {
            return [.. _personaBids.Values.Select(b => b with { Won = b.PersonaId == winner })];
        }
    }

    public void Dispose() => Timer?.Dispose();
}
