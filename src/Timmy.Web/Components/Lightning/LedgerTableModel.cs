using Timmy.Core.Lightning.Ledger;

namespace Timmy.Web.Components.Lightning;

/// <summary>What the transactions table shows: a page of entries newest first with the cursor to older ones, the
/// filters that chose them (or why they cannot be used), and whether pending invoices can be paid by simulation.</summary>
public sealed record LedgerTableModel
{
    public required LedgerFilters Filters { get; init; }
    public IReadOnlyList<LedgerEntry> Entries { get; init; } = [];
    public string? OlderCursor { get; init; }
    public IReadOnlyList<string> Errors { get; init; } = [];

    /// <summary>True on the simulated node: a pending incoming row gets a "Simulate payment" button.</summary>
    public bool CanSimulate { get; init; }

    public required DateTimeOffset Now { get; init; }

    public bool Simulatable(LedgerEntry entry) => CanSimulate && entry.IsIncoming && entry.Status == LedgerStatus.Pending
        && (entry.ExpiresAt is not { } expires || expires > Now);
}
