namespace Timmy.Core.Swarm;

/// <summary>The swarm's settings, bound from <c>Timmy:Swarm</c> and checked at start-up.</summary>
public sealed class SwarmOptions
{
    public const string SectionName = "Timmy:Swarm";

    /// <summary>How long an auction stays open, in seconds; 0 closes it as soon as the personas have bid (tests, benches).</summary>
    public double AuctionSeconds { get; set; } = 15;

    /// <summary>Max bid for a task posted without one, in sats.</summary>
    public long DefaultMaxBidSats { get; set; } = 1_000;

    /// <summary>The highest max bid a task may carry, in sats.</summary>
    public long MaxBidCeilingSats { get; set; } = 1_000_000;

    /// <summary>Longest task description, in characters.</summary>
    public int MaxDescriptionLength { get; set; } = 8_000;

    /// <summary>How long a winner may work on a task before it fails with "timed out", in seconds.</summary>
    public double TaskTimeoutSeconds { get; set; } = 300;

    /// <summary>Tool rounds (model asks, tools answer) one task may take before the model must answer.</summary>
    public int MaxToolRounds { get; set; } = 5;

    /// <summary>Tasks one agent works on at the same time; an agent at this many does not bid.</summary>
    public int MaxConcurrentTasksPerAgent { get; set; } = 4;

    /// <summary>How deep sub-tasks may nest (a sub-task of a sub-task is depth 2).</summary>
    public int MaxSubtaskDepth { get; set; } = 3;

    /// <summary>A remote agent not heard from for this long, in seconds, goes offline.</summary>
    public double HeartbeatTimeoutSeconds { get; set; } = 60;

    /// <summary>Personas started on the very first run (later runs start the ones the owner left running).</summary>
    public List<string> DefaultPersonas { get; set; } = ["echo", "forge", "seer"];

    /// <summary>At start-up, tasks a crash left open are failed; with this on, tasks that were bidding get a new
    /// auction and assigned or running ones are re-posted as new tasks naming them.</summary>
    public bool ReauctionOnRecovery { get; set; }

    /// <summary>Tools the owner has made available to agents beyond the built-in ones (e.g. <c>image_generation</c>
    /// when an image tool is installed); personas whose speciality needs a missing tool decline those tasks.</summary>
    public List<string> ExtraTools { get; set; } = [];
}
