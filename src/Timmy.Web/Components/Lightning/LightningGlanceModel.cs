using Timmy.Core.Lightning.Ledger;

namespace Timmy.Web.Components.Lightning;

/// <summary>Home's Lightning card: the balance and whether the node is the simulated one.</summary>
public sealed record LightningGlanceModel(LedgerBalance Balance, bool IsSimulated);
