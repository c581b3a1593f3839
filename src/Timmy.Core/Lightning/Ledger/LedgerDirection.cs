namespace Timmy.Core.Lightning.Ledger;

/// <summary>The spec's <c>tx_type</c>: an invoice we issued (incoming) or one we paid (outgoing).</summary>
public static class LedgerDirection
{
    public const string Incoming = "incoming";
    public const string Outgoing = "outgoing";

    public static IReadOnlyList<string> All { get; } = [Incoming, Outgoing];

    public static bool IsKnown(string? value) => value is Incoming or Outgoing;
}
