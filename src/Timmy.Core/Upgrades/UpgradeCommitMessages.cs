namespace Timmy.Core.Upgrades;

/// <summary>The messages of the commits the queue makes on the target branch. The <c>Upgrade-Id</c> trailer is how
/// start-up recognises a commit an interrupted apply left behind.</summary>
public static class UpgradeCommitMessages
{
    public const string IdTrailer = "Upgrade-Id: ";

    public static string Apply(Upgrade upgrade) => $"""
        Upgrade {upgrade.Id}: {FirstLine(upgrade.Description)}

        {upgrade.Description}

        Instruction: {FirstLine(upgrade.Instruction)}
        Branch: {upgrade.BranchName}
        Approved-by: {upgrade.ApprovedBy}
        {IdTrailer}{upgrade.Id}
        """;

    public static string Rollback(Upgrade upgrade, string actor) => $"""
        Roll back upgrade {upgrade.Id}: {FirstLine(upgrade.Description)}

        This reverts commit {upgrade.AppliedCommit}.

        Rolled-back-by: {actor}
        """;

    public static bool Names(string message, string upgradeId) => message.Contains(IdTrailer + upgradeId, StringComparison.Ordinal);

    private static string FirstLine(string text)
    {
        var line = text.Split('\n', 2)[0].Trim();
        return line.Length <= 72 ? line : line[..71] + "…";
    }
}
