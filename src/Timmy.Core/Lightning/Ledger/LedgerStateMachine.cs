using System.Security.Cryptography;

namespace Timmy.Core.Lightning.Ledger;

/// <summary>The one place a ledger entry's moves are written down: pending → settled | failed | expired, and nothing
/// leaves a final state. The store names <see cref="Sources"/> in its UPDATE's WHERE clause and the migration's triggers
/// refuse the same in SQL. Settling needs proof: a preimage whose SHA-256 is the payment hash, or the node's word.</summary>
public static class LedgerStateMachine
{
    /// <summary>The only state an entry may move from.</summary>
    public static IReadOnlyList<string> Sources { get; } = [LedgerStatus.Pending];

    public static bool CanMove(string from, string to) => from == LedgerStatus.Pending && LedgerStatus.IsFinal(to);

    /// <exception cref="IllegalLedgerTransitionException">The move is not allowed.</exception>
    public static void EnsureCanMove(LedgerEntry entry, string to)
    {
        if (!CanMove(entry.Status, to))
        {
            throw new IllegalLedgerTransitionException(entry.Id, entry.Status, to);
        }
    }

    /// <summary>True when <paramref name="preimageHex"/> is 32 bytes of hex whose SHA-256 is <paramref name="paymentHash"/>.</summary>
    public static bool ProvesPayment(string paymentHash, string? preimageHex)
    {
        if (preimageHex is not { Length: 64 })
        {
            return false;
        }
        byte[] preimage;
        try
        {
            preimage = Convert.FromHexString(preimageHex);
        }
        catch (FormatException)
        {
            return false;
        }
        var hash = Convert.ToHexStringLower(SHA256.HashData(preimage));
        return CryptographicOperations.FixedTimeEquals(
            System.Text.Encoding.ASCII.GetBytes(hash), System.Text.Encoding.ASCII.GetBytes(paymentHash.ToLowerInvariant()));
    }
}
