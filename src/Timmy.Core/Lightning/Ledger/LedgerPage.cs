namespace Timmy.Core.Lightning.Ledger;

/// <summary>A page of entries, newest first; <see cref="Next"/> is the cursor for the older ones, null at the end.</summary>
public sealed record LedgerPage(IReadOnlyList<LedgerEntry> Entries, string? Next);
