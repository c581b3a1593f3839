using Timmy.Core.Lightning.L402;

namespace Timmy.Core.Lightning.Ledger;

/// <summary>L402's seam to the ledger: its challenges' invoices are ledger entries (source <c>l402</c>), and a token's
/// payment is settled when the ledger has it settled, or on the preimage the client presents, which proves it.</summary>
public sealed class LedgerL402Invoices(LedgerService ledger) : IL402Ledger
{
    public async Task<L402Invoice> CreateInvoiceAsync(long amountSats, string memo, TimeSpan expiry, CancellationToken cancellationToken = default)
    {
        var entry = await ledger.CreateInvoiceAsync(new NewInvoice(amountSats, memo) { Expiry = expiry, Source = LedgerSources.L402 }, cancellationToken);
        return new L402Invoice(entry.PaymentHash, entry.Invoice!, entry.ExpiresAt ?? entry.CreatedAt + expiry);
    }

    public async Task<bool> IsPaidAsync(string paymentHash, string preimageHex, CancellationToken cancellationToken = default)
    {
        var entry = await ledger.Store.GetByHashAsync(paymentHash, cancellationToken);
        if (entry is not { IsIncoming: true } || !LedgerStateMachine.ProvesPayment(entry.PaymentHash, preimageHex))
        {
            return false;
        }
        return entry.Status switch
        {
            LedgerStatus.Settled => true,
            LedgerStatus.Pending => (await ledger.SettleIncomingAsync(entry, preimageHex, confirmedByNode: false, null, cancellationToken)).Status == LedgerStatus.Settled,
            _ => false,
        };
    }
}
