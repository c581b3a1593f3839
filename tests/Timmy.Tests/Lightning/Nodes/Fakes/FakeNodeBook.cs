using System.Security.Cryptography;

namespace Timmy.Tests.Lightning.Nodes.Fakes;

/// <summary>The in-memory books of a fake node: invoices it issued, invoices it can pay, payments it made, its
/// balances, and a signal for long-polls and streams waiting on a settlement.</summary>
public sealed class FakeNodeBook
{
    private readonly Lock _gate = new();
    private readonly List<FakeInvoice> _invoices = [];
    private readonly Dictionary<string, FakePayable> _payables = new(StringComparer.Ordinal);
    private readonly Dictionary<string, FakePayment> _payments = new(StringComparer.Ordinal);
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _payIndex;
    private int _watchRequests;

    public long LightningMsat { get; set; } = 250_000_000;

    public long OnchainSats { get; set; } = 75_000;

    /// <summary>How many settlement watches (streams, long-polls, list polls) have reached the server.</summary>
    public int WatchRequests => Volatile.Read(ref _watchRequests);

    public void CountWatchRequest() => Interlocked.Increment(ref _watchRequests);

    public FakeInvoice AddInvoice(long amountMsat, string? memo, byte[]? descriptionHash, TimeSpan expiry, string label = "")
    {
        var preimage = RandomNumberGenerator.GetBytes(32);
        var now = DateTimeOffset.UtcNow;
        lock (_gate)
        {
            var invoice = new FakeInvoice
            {
                Hash = Convert.ToHexStringLower(SHA256.HashData(preimage)),
                Preimage = Convert.ToHexStringLower(preimage),
                Bolt11 = FakeBolt11.Create(amountMsat, now),
                AmountMsat = amountMsat,
                CreatedAt = now,
                Expiry = expiry,
                AddIndex = _invoices.Count + 1,
                Memo = memo,
                DescriptionHash = descriptionHash,
                Label = label,
            };
            _invoices.Add(invoice);
            return invoice;
        }
    }

    public IReadOnlyList<FakeInvoice> Invoices
    {
        get
        {
            lock (_gate)
            {
                return _invoices.ToList();
            }
        }
    }

    public FakeInvoice? FindInvoice(string hash) => Invoices.FirstOrDefault(i => i.Hash == hash);

    /// <summary>Marks an invoice paid (as if a payer's HTLC arrived) and wakes whoever waits for settlements.</summary>
    public void MarkPaid(string hash)
    {
        TaskCompletionSource changed;
        lock (_gate)
        {
            var invoice = _invoices.Single(i => i.Hash == hash);
            invoice.Paid = true;
            invoice.PaidAt = DateTimeOffset.UtcNow;
            invoice.PayIndex = ++_payIndex;
            changed = _changed;
            _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
        changed.SetResult();
    }

    /// <summary>Completes at the next settlement.</summary>
    public Task NextChange
    {
        get
        {
            lock (_gate)
            {
                return _changed.Task;
            }
        }
    }

    public FakePayable AddPayable(long amountMsat, long feeMsat, string? refusal = null)
    {
        var preimage = RandomNumberGenerator.GetBytes(32);
        var payable = new FakePayable(FakeBolt11.Create(amountMsat, DateTimeOffset.UtcNow), Convert.ToHexStringLower(SHA256.HashData(preimage)),
            Convert.ToHexStringLower(preimage), amountMsat, feeMsat) { Refusal = refusal };
        lock (_gate)
        {
            _payables[payable.Bolt11] = payable;
        }
        return payable;
    }

    public FakePayable? FindPayable(string bolt11)
    {
        lock (_gate)
        {
            return _payables.GetValueOrDefault(bolt11);
        }
    }

    public FakePayment RecordPayment(FakePayable payable)
    {
        var payment = new FakePayment(payable.Hash, payable.Preimage, payable.Bolt11, payable.AmountMsat, payable.FeeMsat, DateTimeOffset.UtcNow);
        lock (_gate)
        {
            _payments[payment.Hash] = payment;
        }
        return payment;
    }

    public FakePayment? FindPayment(string hash)
    {
        lock (_gate)
        {
            return _payments.GetValueOrDefault(hash);
        }
    }

    public IReadOnlyList<FakePayment> Payments
    {
        get
        {
            lock (_gate)
            {
                return _payments.Values.ToList();
            }
        }
    }
}
