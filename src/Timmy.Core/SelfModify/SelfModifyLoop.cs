namespace Timmy.Core.SelfModify;

/// <summary>WORK IN PROGRESS: the public surface of the loop; its body lands in the next commit.</summary>
public sealed class SelfModifyLoop
{
    /// <summary>Null when the loop can run; otherwise why not (off in configuration, no repository).</summary>
    public string? Unavailable => "not built yet";

    /// <summary>The run going on now, if any.</summary>
    public SelfModifyRun? Current => null;

    /// <summary>The most recent runs, newest first (running and finished).</summary>
    public IReadOnlyList<SelfModifyRun> Recent => [];

    public SelfModifyRun? Get(string runId) => null;

    /// <summary>Checks the request (InvalidFieldException naming instruction / target_files), that the loop is on
    /// (SelfModifyDisabledException) and free (SelfModifyBusyException), then runs it in the background and returns the
    /// run as it starts. Progress is logged as upgrade.run_started / run_progress / run_finished events carrying run_id.</summary>
    public SelfModifyRun Start(SelfModifyRequest request) => throw new SelfModifyDisabledException("not built yet");

    /// <summary>As <see cref="Start"/>, then waits for the run to finish.</summary>
    public Task<SelfModifyRun> RunAsync(SelfModifyRequest request, CancellationToken cancellationToken = default) =>
        throw new SelfModifyDisabledException("not built yet");
}
