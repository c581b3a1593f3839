using Timmy.Core.Refusals;

namespace Timmy.Core.Upgrades;

/// <summary>An upgrade was asked to move somewhere its state does not allow (approve a rejected one, roll back one that
/// was never applied).</summary>
public sealed class IllegalUpgradeTransitionException(string id, string from, string to) : ConflictException(
    "Not allowed in this state",
    $"Upgrade {id} is {from.Replace('_', ' ')}; it cannot become {to.Replace('_', ' ')}.")
{
    public string UpgradeId { get; } = id;
    public string From { get; } = from;
    public string To { get; } = to;

    public override IReadOnlyDictionary<string, object?> Facts => new Dictionary<string, object?> { ["id"] = UpgradeId, ["status"] = From };
}
