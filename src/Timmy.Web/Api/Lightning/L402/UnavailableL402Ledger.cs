using Timmy.Core.Lightning.L402;

namespace Timmy.Web.Api.Lightning.L402;

/// <summary>Temporary stand-in until the Lightning ledger registers its <see cref="IL402Ledger"/>: every call fails,
/// so priced routes answer 503 ("payments unavailable") instead of the host failing to start.</summary>
public sealed class UnavailableL402Ledger : IL402Ledger
{
    private const string Missing = "No Lightning ledger is registered for L402.";

    public Task<L402Invoice> CreateInvoiceAsync(long amountSats, string memo, TimeSpan expiry, CancellationToken cancellationToken = default) =>
        throw new InvalidOperationException(Missing);

    public Task<bool> IsPaidAsync(string paymentHash, string preimageHex, CancellationToken cancellationToken = default) =>
        throw new InvalidOperationException(Missing);
}
