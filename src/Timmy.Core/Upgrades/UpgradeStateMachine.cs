namespace Timmy.Core.Upgrades;

/// <summary>The one place an upgrade's moves are written down: proposed → approved | rejected | expired;
/// approved → applied | failed; applied → rolled_back. The store names <see cref="SourcesOf"/> in its UPDATE's WHERE
/// clause and migration M0009's trigger refuses every other move in SQL.</summary>
public static class UpgradeStateMachine
{
    private static readonly Dictionary<string, string[]> Moves = new()
    {
        [UpgradeStatus.Proposed] = [UpgradeStatus.Approved, UpgradeStatus.Rejected, UpgradeStatus.Expired],
        [UpgradeStatus.Approved] = [UpgradeStatus.Applied, UpgradeStatus.Failed],
        [UpgradeStatus.Applied] = [UpgradeStatus.RolledBack],
    };

    public static bool CanMove(string from, string to) => Moves.TryGetValue(from, out var targets) && targets.Contains(to);

    /// <summary>The states from which <paramref name="to"/> may be reached.</summary>
    public static IReadOnlyList<string> SourcesOf(string to) => Moves.Where(m => m.Value.Contains(to)).Select(m => m.Key).ToList();

    /// <exception cref="IllegalUpgradeTransitionException">The move is not allowed.</exception>
    public static void EnsureCanMove(Upgrade upgrade, string to)
    {
        if (!CanMove(upgrade.Status, to))
        {
            throw new IllegalUpgradeTransitionException(upgrade.Id, upgrade.Status, to);
        }
    }
}
