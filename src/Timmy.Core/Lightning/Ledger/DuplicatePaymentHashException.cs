using Timmy.Core.Refusals;

namespace Timmy.Core.Lightning.Ledger;

/// <summary>The ledger already has an entry with this payment hash: the invoice was paid (or issued) before.</summary>
public sealed class DuplicatePaymentHashException(string paymentHash, string existingId, string existingStatus) : ConflictException(
    "Invoice already in the ledger",
    $"The ledger already has this payment hash as entry {existingId} ({existingStatus}); an invoice is paid at most once.")
{
    public override IReadOnlyDictionary<string, object?> Facts => new Dictionary<string, object?>
    {
        ["payment_hash"] = paymentHash, ["entry_id"] = existingId, ["status"] = existingStatus,
    };
}
