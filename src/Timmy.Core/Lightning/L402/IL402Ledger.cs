namespace Timmy.Core.Lightning.L402;

/// <summary>What L402 needs from the Lightning ledger: invoices for its challenges, and whether one was paid. The
/// ledger implements it; L402 never talks to a node itself.</summary>
public interface IL402Ledger {
    /// Creates an incoming invoice recorded in the ledger with source "l402".
    Task<L402Invoice> CreateInvoiceAsync(long amountSats, string memo, TimeSpan expiry, CancellationToken cancellationToken = default);
    /// True when the ledger has (or, given the preimage as proof, now records) the invoice with this hash as settled.
    Task<bool> IsPaidAsync(string paymentHash, string preimageHex, CancellationToken cancellationToken = default);
}
