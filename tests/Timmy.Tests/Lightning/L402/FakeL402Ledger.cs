using System.Collections.Concurrent;
using System.Security.Cryptography;
using Timmy.Core.Lightning.L402;

namespace Timmy.Tests.Lightning.L402;

/// <summary>An in-memory ledger: every invoice gets a random preimage (kept, as a payer would learn it by paying), and
/// is paid only when a test calls <see cref="Pay"/>.</summary>
public sealed class FakeL402Ledger : IL402Ledger
{
    private readonly ConcurrentDictionary<string, byte[]> _preimages = new();
    private readonly ConcurrentDictionary<string, bool> _paid = new();

    public int InvoicesCreated => _preimages.Count;

    public Task<L402Invoice> CreateInvoiceAsync(long amountSats, string memo, TimeSpan expiry, CancellationToken cancellationToken = default)
    {
        var preimage = RandomNumberGenerator.GetBytes(32);
        var hash = Convert.ToHexStringLower(SHA256.HashData(preimage));
        _preimages[hash] = preimage;
        return Task.FromResult(new L402Invoice(hash, $"lnbcrt{amountSats}0n1fake{hash[..16]}", DateTimeOffset.UtcNow + expiry));
    }

    public Task<bool> IsPaidAsync(string paymentHash, string preimageHex, CancellationToken cancellationToken = default) =>
        Task.FromResult(_paid.ContainsKey(paymentHash)
            && Convert.ToHexStringLower(SHA256.HashData(Convert.FromHexString(preimageHex))) == paymentHash);

    /// <summary>Pays the invoice and returns its preimage (hex), as a wallet would.</summary>
    public string Pay(string paymentHash)
    {
        _paid[paymentHash] = true;
        return Preimage(paymentHash);
    }

    /// <summary>The preimage of an invoice, paid or not.</summary>
    public string Preimage(string paymentHash) => Convert.ToHexStringLower(_preimages[paymentHash]);
}
