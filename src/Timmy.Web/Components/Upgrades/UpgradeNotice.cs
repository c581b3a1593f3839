namespace Timmy.Web.Components.Upgrades;

/// <summary>The line shown after a form on the upgrade pages: the redirect carries a code, the words are here
/// (post-redirect-get, so a reload repeats nothing). Refusals come back the same way, as codes.</summary>
public sealed record UpgradeNotice(string Text, bool IsError)
{
    public const string Approved = "approved";
    public const string Rejected = "rejected";
    public const string RolledBack = "rolled-back";
    public const string Started = "started";
    public const string WrongSecondFactor = "wrong-second-factor";
    public const string Locked = "locked";
    public const string Changed = "changed";
    public const string AlreadyDecided = "already-decided";
    public const string RollbackFailed = "rollback-failed";
    public const string NoRepository = "no-repository";
    public const string Gone = "gone";

    public static UpgradeNotice? For(string? code) => code switch
    {
        Approved => new("Approved: Timmy is applying the change (merging it into the target branch with a commit); its state follows live.", false),
        Rejected => new("Rejected: the proposal's branch and worktree were deleted; it stays in the history.", false),
        RolledBack => new("Rolled back: a revert commit undid the change on the target branch.", false),
        Started => new("Timmy is working on it: the steps show below as they happen.", false),
        WrongSecondFactor => new("Not approved: that is not the owner password nor the approval PIN (or none was typed). Nothing changed.", true),
        Locked => new("Not approved: too many wrong answers lately, so approving is locked for up to 15 minutes. Nothing changed.", true),
        Changed => new("Not approved: the branch no longer holds the diff you reviewed. Review it again, or reject it and ask again.", true),
        AlreadyDecided => new("Nothing changed: that upgrade was already decided (it may have expired or been decided elsewhere).", true),
        RollbackFailed => new("Not rolled back: later commits changed the same lines, or the branch could not move. Revert it by hand.", true),
        NoRepository => new("Nothing changed: the repository to upgrade cannot be opened (see Timmy:Upgrades:Repository).", true),
        Gone => new("There is no such upgrade; nothing changed.", true),
        _ => null,
    };
}
