namespace Timmy.Core.Lightning.Ledger;

/// <summary>A ledger entry's state: pending until the node says otherwise, then settled, failed or expired for good.</summary>
public static class LedgerStatus
{
    public const string Pending = "pending";
    public const string Settled = "settled";
    public const string Failed = "failed";
    public const string Expired = "expired";

    public static IReadOnlyList<string> All { get; } = [Pending, Settled, Failed, Expired];

    public static bool IsKnown(string? value) => value is Pending or Settled or Failed or Expired;

    public static bool IsFinal(string value) => value is Settled or Failed or Expired;
}
