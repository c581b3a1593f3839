namespace Timmy.Core.Lightning.Ledger;

/// <summary>What a <see cref="LedgerChange"/> did: the entry as it now is, and whether it moved (false when it was
/// already in the asked-for state: settling twice changes nothing).</summary>
public sealed record LedgerMove(LedgerEntry Entry, bool Moved);
