namespace Timmy.Web.Components.Swarm;

/// <summary>The line shown on a task's page after one of its forms (or the control room's "Post a task"): the redirect
/// carries only a code, the words are here (post-redirect-get, so a reload repeats nothing).</summary>
public sealed record TaskNotice(string Text, bool IsError)
{
    public const string Posted = "posted";
    public const string Cancelled = "cancelled";
    public const string Reposted = "reposted";
    public const string CancelRefused = "cancel-refused";
    public const string RepostRefused = "repost-refused";

    public static TaskNotice? For(string? code) => code switch
    {
        Posted => new("Task posted. This page follows it live: the bids, the winner, the work and the result.", false),
        Cancelled => new("Task cancelled. An open auction was dropped and a running agent was stopped.", false),
        Reposted => new("Posted again as this new task; the old one is linked below.", false),
        CancelRefused => new("The task had already finished, so there was nothing to cancel.", true),
        RepostRefused => new("Only a failed or cancelled task can be re-posted.", true),
        _ => null,
    };
}
