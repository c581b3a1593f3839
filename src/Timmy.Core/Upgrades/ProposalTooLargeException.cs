using Timmy.Core.Refusals;

namespace Timmy.Core.Upgrades;

/// <summary>A proposal changes more lines than the queue accepts; it is not stored.</summary>
public sealed class ProposalTooLargeException(int changed, int limit) : ConflictException(
    "Proposal too large", $"The change touches {changed:N0} lines; proposals are limited to {limit:N0} changed lines.");
