using Timmy.Core.Refusals;

namespace Timmy.Core.Lightning.Ledger;

/// <summary>A ledger entry was asked to move where <see cref="LedgerStateMachine"/> does not allow (settling an expired
/// invoice, failing a settled payment). Nothing changed.</summary>
public sealed class IllegalLedgerTransitionException(string entryId, string from, string to) : ConflictException(
    "Ledger entry is final",
    $"Ledger entry {entryId} is {from}; it cannot become {to}.")
{
    public override IReadOnlyDictionary<string, object?> Facts => new Dictionary<string, object?>
    {
        ["entry_id"] = entryId, ["status"] = from, ["requested"] = to,
    };
}
