using Timmy.Core.Lightning;
using Timmy.Core.Lightning.Budgets;
using Timmy.Core.Lightning.Ledger;

namespace Timmy.Web.Components.Lightning;

/// <summary>Everything on /lightning/ledger that a payment changes, read at one moment: the node, the balance, the daily
/// volume, the transactions, the budgets, and the invoice just created or the payment just made when the address names
/// one. The page draws it; the live fragment draws the same parts again.</summary>
public sealed record LedgerLiveModel
{
    public required NodeStatusReport Node { get; init; }
    public required LedgerBalance Balance { get; init; }
    public required VolumeChartModel Chart { get; init; }
    public required LedgerTableModel Table { get; init; }
    public required IReadOnlyList<BudgetStanding> Budgets { get; init; }

    /// <summary>The incoming entry the address's <c>invoice</c> names (just created here).</summary>
    public LedgerEntry? Invoice { get; init; }

    /// <summary>The outgoing entry the address's <c>payment</c> names (just paid here).</summary>
    public LedgerEntry? Payment { get; init; }

    public required DateTimeOffset Now { get; init; }

    public bool IsSimulated => Node.IsSimulated;
}
