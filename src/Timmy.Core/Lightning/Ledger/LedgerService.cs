using System.Collections.Concurrent;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Timmy.Core.Events;
using Timmy.Core.Lightning.Bolt11;
using Timmy.Core.Lightning.Budgets;
using Timmy.Core.Lightning.Nodes;
using Timmy.Core.Lightning.Nodes.Simulated;
using Timmy.Core.Refusals;
using Timmy.Core.Storage;

namespace Timmy.Core.Lightning.Ledger;

/// <summary>
/// The spec's payment handler: every invoice issued and every payment made goes through here, so the ledger holds a
/// row for each before anyone can pay it or the node is asked to pay. An invoice is issued by the node first and then
/// recorded (an invoice the ledger never recorded was never handed to anyone). A payment is recorded as pending and
/// committed before the node is asked, so a crash between the two leaves a pending row the reconciler resolves by
/// asking the node, never a payment made twice. Each move to a final state is one transaction with its payment.* event.
/// </summary>
public sealed class LedgerService(
    IDbConnectionFactory connections,
    ILedgerStore store,
    ILightningNode node,
    BudgetService budgets,
    IEventLog events,
    IOptions<LightningOptions> options,
    TimeProvider time,
    ILogger<LedgerService> logger)
{
    /// <summary>The longest description a BOLT11 invoice can carry, in UTF-8 bytes.</summary>
    public const int MaxMemoBytes = 639;

    public static readonly TimeSpan MinExpiry = TimeSpan.FromMinutes(1);
    public static readonly TimeSpan MaxExpiry = TimeSpan.FromDays(30);

    private readonly ConcurrentDictionary<string, byte> _sending = new(StringComparer.Ordinal);
    private string? _networkPrefix;

    public ILightningNode Node => node;

    public ILedgerStore Store => store;

    /// <summary>True while this process is asking the node to pay this hash (the reconciler leaves it alone).</summary>
    public bool IsSending(string paymentHash) => _sending.ContainsKey(paymentHash);

    public async Task<LedgerEntry> CreateInvoiceAsync(NewInvoice request, CancellationToken cancellationToken = default)
    {
        var issued = await IssueAsync(request, cancellationToken);
        return await GroupCommit.For(connections).RunAsync(transaction => RecordInvoiceAsync(transaction, issued, request, CancellationToken.None), cancellationToken);
    }

    /// <summary>Has the node issue the invoice, not yet recorded: <see cref="RecordInvoiceAsync"/> records it inside
    /// the caller's transaction (a task's funding invoice is recorded with the task). An invoice the ledger never
    /// recorded was never handed to anyone, so a failure in between costs nothing.</summary>
    public async Task<NodeInvoice> IssueAsync(NewInvoice request, CancellationToken cancellationToken = default)
    {
        var limits = options.Value;
        if (request.AmountSats < 1 || request.AmountSats > limits.MaxInvoiceSats)
        {
            throw new InvalidFieldException("amount_sats", $"The amount must be between 1 and {limits.MaxInvoiceSats:N0} sats.");
        }
        if (Memo(request) is { } memo && Encoding.UTF8.GetByteCount(memo) > MaxMemoBytes)
        {
            throw new InvalidFieldException("memo", $"The memo must be at most {MaxMemoBytes} bytes (a BOLT11 invoice holds no more).");
        }
        var expiry = request.Expiry ?? limits.InvoiceExpiry;
        if (expiry < MinExpiry || expiry > MaxExpiry)
        {
            throw new InvalidFieldException("expiry_seconds", $"The expiry must be between {MinExpiry.TotalSeconds:N0} seconds and {MaxExpiry.TotalDays:N0} days.");
        }
        try
        {
            return await node.CreateInvoiceAsync(new CreateInvoiceRequest(request.AmountSats * 1000, Memo(request), expiry), cancellationToken);
        }
        catch (LightningNodeException ex)
        {
            throw Translate(ex);
        }
    }

    /// <summary>Records an issued invoice as a pending incoming entry with its payment.invoice_created event.</summary>
    public async Task<LedgerEntry> RecordInvoiceAsync(WriteTransaction transaction, NodeInvoice issued, NewInvoice request, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var entry = new LedgerEntry(SortableIds.New(time), LedgerDirection.Incoming, LedgerStatus.Pending, issued.PaymentHash.ToLowerInvariant(),
            request.AmountSats, request.AmountSats * 1000, request.Source, now, now)
        {
            Memo = Memo(request), Invoice = issued.Bolt11, TaskId = request.TaskId, AgentId = request.AgentId, ExpiresAt = issued.ExpiresAt,
        };
        var stored = await store.InsertAsync(transaction, entry, cancellationToken);
        await events.AppendAsync(transaction, LedgerEvents.InvoiceCreated(stored) with { Actor = request.Actor }, cancellationToken);
        return stored;
    }

    /// <summary>Decodes an invoice for the pay form and says whether it can be paid from here.</summary>
    /// <exception cref="InvalidFieldException">Not a BOLT11 invoice (field <c>invoice</c>).</exception>
    public async Task<InvoicePreview> PreviewAsync(string bolt11, CancellationToken cancellationToken = default)
    {
        var invoice = Decode(bolt11);
        var expired = invoice.IsExpired(time.GetUtcNow());
        var existing = await store.GetByHashAsync(invoice.PaymentHash, cancellationToken);
        var prefix = await NetworkPrefixAsync(cancellationToken);
        string? problem = null;
        if (existing is { IsIncoming: true })
        {
            problem = "This is one of this node's own invoices.";
        }
        else if (existing is not null)
        {
            problem = $"This invoice is already in the ledger ({existing.Status}).";
        }
        else if (expired)
        {
            problem = $"The invoice expired at {invoice.ExpiresAt:yyyy-MM-dd HH:mm:ss} UTC.";
        }
        else if (prefix is not null && !string.Equals(invoice.Network, prefix, StringComparison.OrdinalIgnoreCase))
        {
            problem = $"The invoice is for network '{invoice.Network}', but the node is on '{prefix}'.";
        }
        return new InvoicePreview(invoice, expired, problem, existing);
    }

    /// <summary>Records the payment as pending, commits, then asks the node to pay and records the outcome. A
    /// payment the node has not finished when the wait ends stays pending for the reconciler.</summary>
    public async Task<LedgerEntry> PayAsync(PaymentOrder order, CancellationToken cancellationToken = default)
    {
        var preview = await PreviewAsync(order.Invoice, cancellationToken);
        var invoice = preview.Invoice;
        if (preview.Existing is { IsIncoming: false })
        {
            throw new DuplicatePaymentHashException(invoice.PaymentHash, preview.Existing.Id, preview.Existing.Status);
        }
        if (preview.Problem is not null)
        {
            throw new InvalidFieldException("invoice", preview.Problem);
        }
        var amountMsat = AmountToPay(invoice, order.AmountSats);
        var amountSats = (amountMsat + 999) / 1000;
        var maxFee = order.MaxFeeSats ?? DefaultMaxFee(amountSats);
        if (maxFee < 0 || maxFee > amountSats + options.Value.DefaultMaxFeeSats * 100)
        {
            throw new InvalidFieldException("max_fee_sats", "The most fee must be 0 or more, and not far above the amount itself.");
        }
        var now = time.GetUtcNow();
        var entry = new LedgerEntry(SortableIds.New(time), LedgerDirection.Outgoing, LedgerStatus.Pending, invoice.PaymentHash, amountSats, amountMsat,
            order.Source, now, now)
        {
            Memo = string.IsNullOrWhiteSpace(order.Memo) ? invoice.Description : order.Memo.Trim(),
            Invoice = invoice.Bolt11 ?? order.Invoice.Trim(),
            TaskId = order.TaskId,
            AgentId = order.AgentId,
            MaxFeeSats = maxFee,
            ExpiresAt = invoice.ExpiresAt,
        };
        // Claimed before the row exists, so the reconciler never takes it for a payment the node was never asked about.
        if (!_sending.TryAdd(entry.PaymentHash, 0))
        {
            throw new DuplicatePaymentHashException(entry.PaymentHash, "(being paid now)", LedgerStatus.Pending);
        }
        try
        {
            var pending = entry;
            entry = await GroupCommit.For(connections).RunAsync(async transaction =>
            {
                if (order.AgentId is not null)
                {
                    await budgets.EnsureWithinAsync(transaction, order.AgentId, amountSats + maxFee, CancellationToken.None);
                }
                return await store.InsertAsync(transaction, pending, CancellationToken.None);
            }, cancellationToken);
            return await SendClaimedAsync(entry, CancellationToken.None);
        }
        finally
        {
            _sending.TryRemove(entry.PaymentHash, out _);
        }
    }

    /// <summary>Records a payment inside the caller's transaction, to be sent once it commits (a task's payout is
    /// recorded with the task's completion). The caller sends it with <see cref="SendAsync"/> after the commit.</summary>
    public async Task<LedgerEntry> RecordPaymentAsync(WriteTransaction transaction, Bolt11Invoice invoice, PaymentOrder order, CancellationToken cancellationToken = default)
    {
        var amountMsat = AmountToPay(invoice, order.AmountSats);
        var amountSats = (amountMsat + 999) / 1000;
        var now = time.GetUtcNow();
        return await store.InsertAsync(transaction, new LedgerEntry(SortableIds.New(time), LedgerDirection.Outgoing, LedgerStatus.Pending,
            invoice.PaymentHash, amountSats, amountMsat, order.Source, now, now)
        {
            Memo = order.Memo ?? invoice.Description,
            Invoice = invoice.Bolt11,
            TaskId = order.TaskId,
            AgentId = order.AgentId,
            MaxFeeSats = order.MaxFeeSats ?? DefaultMaxFee(amountSats),
            ExpiresAt = invoice.ExpiresAt,
        }, cancellationToken);
    }

    /// <summary>Asks the node to pay a pending outgoing entry and records the outcome. Safe to call twice: a hash this
    /// process is already sending is left to that call, and the node itself refuses to pay a hash twice.</summary>
    public async Task<LedgerEntry> SendAsync(LedgerEntry entry, CancellationToken cancellationToken = default)
    {
        if (entry.IsIncoming || !_sending.TryAdd(entry.PaymentHash, 0))
        {
            return entry;
        }
        try
        {
            // Read again under the claim: the reconciler may have resolved it since the caller read it.
            var current = await store.GetAsync(entry.Id, cancellationToken) ?? throw new LedgerEntryNotFoundException(entry.Id);
            return current.Status == LedgerStatus.Pending ? await SendClaimedAsync(current, cancellationToken) : current;
        }
        finally
        {
            _sending.TryRemove(entry.PaymentHash, out _);
        }
    }

    /// <summary>Runs <paramref name="work"/> on a pending outgoing entry while holding its claim, so no send of it can
    /// start meanwhile (the reconciler fails a payment the node never saw this way). Null when it is being sent now.</summary>
    public async Task<LedgerEntry?> WhileClaimedAsync(LedgerEntry entry, Func<LedgerEntry, Task<LedgerEntry>> work)
    {
        if (!_sending.TryAdd(entry.PaymentHash, 0))
        {
            return null;
        }
        try
        {
            return await work(entry);
        }
        finally
        {
            _sending.TryRemove(entry.PaymentHash, out _);
        }
    }

    private async Task<LedgerEntry> SendClaimedAsync(LedgerEntry entry, CancellationToken cancellationToken)
    {
        var invoice = Decode(entry.Invoice ?? "");
        NodePayment outcome;
        try
        {
            outcome = await node.PayAsync(new PayInvoiceRequest(entry.Invoice!, (entry.MaxFeeSats ?? 0) * 1000, options.Value.PaymentTimeout)
            {
                AmountMsat = invoice.AmountMsat is null ? entry.AmountMsat : null,
            }, cancellationToken);
        }
        catch (LightningNodeException ex) when (ex.Failure == LightningNodeFailure.Refused)
        {
            // "Already paid" is a refusal too: what the node has on record for the hash wins over the refusal.
            if (await PaymentOnRecordAsync(entry.PaymentHash, cancellationToken) is { } known)
            {
                return await ApplyAsync(entry, known, cancellationToken);
            }
            return await FailAsync(entry, "The node refused: " + ex.Message, cancellationToken);
        }
        catch (LightningNodeException ex)
        {
            logger.LogWarning("Payment {EntryId} left pending: {Reason}", entry.Id, ex.Message);
            return entry;
        }
        return await ApplyAsync(entry, outcome, cancellationToken);
    }

    /// <summary>Records what the node says about an outgoing payment: settled with its preimage and fee, failed with
    /// its reason, or still pending (nothing changes).</summary>
    public async Task<LedgerEntry> ApplyAsync(LedgerEntry entry, NodePayment outcome, CancellationToken cancellationToken = default)
    {
        switch (outcome.State)
        {
            case NodePaymentState.Succeeded:
                var proof = LedgerStateMachine.ProvesPayment(entry.PaymentHash, outcome.Preimage) ? outcome.Preimage!.ToLowerInvariant() : null;
                if (proof is null)
                {
                    logger.LogWarning("The node reported payment {EntryId} succeeded without a matching preimage", entry.Id);
                }
                return await MoveAsync(new LedgerChange(entry.Id, LedgerStatus.Settled)
                {
                    Preimage = proof, FeeSats = (outcome.FeeMsat + 999) / 1000, SettledAt = outcome.CompletedAt ?? time.GetUtcNow(),
                }, LedgerEvents.Settled, cancellationToken);
            case NodePaymentState.Failed:
                return await FailAsync(entry, outcome.FailureReason ?? "The node could not pay it.", cancellationToken);
            default:
                return entry;
        }
    }

    /// <summary>Settles an incoming entry: on a preimage that proves payment, or on the node's word.</summary>
    /// <exception cref="InvalidFieldException">Neither: the preimage does not hash to the payment hash.</exception>
    public async Task<LedgerEntry> SettleIncomingAsync(LedgerEntry entry, string? preimage, bool confirmedByNode, DateTimeOffset? settledAt, CancellationToken cancellationToken = default)
    {
        var proves = LedgerStateMachine.ProvesPayment(entry.PaymentHash, preimage);
        if (!proves && !confirmedByNode)
        {
            throw new InvalidFieldException("preimage", "The preimage does not hash to the invoice's payment hash.");
        }
        return await MoveAsync(new LedgerChange(entry.Id, LedgerStatus.Settled)
        {
            Preimage = proves ? preimage!.ToLowerInvariant() : null, SettledAt = settledAt ?? time.GetUtcNow(),
        }, LedgerEvents.Settled, cancellationToken);
    }

    public Task<LedgerEntry> ExpireAsync(LedgerEntry entry, CancellationToken cancellationToken = default) =>
        MoveAsync(new LedgerChange(entry.Id, LedgerStatus.Expired) { FailureReason = "expired unpaid" }, LedgerEvents.Expired, cancellationToken);

    public Task<LedgerEntry> FailAsync(LedgerEntry entry, string reason, CancellationToken cancellationToken = default) =>
        MoveAsync(new LedgerChange(entry.Id, LedgerStatus.Failed) { FailureReason = Shorten(reason) }, LedgerEvents.Failed, cancellationToken);

    /// <summary>The dashboard's "simulate payment": an outside wallet of the simulated network pays one of our open
    /// invoices, and the ledger settles it from the node's answer.</summary>
    public async Task<LedgerEntry> SimulatePaymentAsync(string entryId, CancellationToken cancellationToken = default)
    {
        if (node is not SimulatedLightningNode simulated)
        {
            throw new SimulationUnavailableException(node.Kind);
        }
        var entry = await store.GetAsync(entryId, cancellationToken) ?? throw new LedgerEntryNotFoundException(entryId);
        if (!entry.IsIncoming)
        {
            throw new IllegalLedgerTransitionException(entry.Id, entry.Status, LedgerStatus.Settled);
        }
        LedgerStateMachine.EnsureCanMove(entry, LedgerStatus.Settled);
        NodeInvoice paid;
        try
        {
            paid = await simulated.SimulatePaymentAsync(entry.PaymentHash, cancellationToken);
        }
        catch (LightningNodeException ex)
        {
            throw Translate(ex);
        }
        return await SettleIncomingAsync(entry, paid.Preimage, confirmedByNode: paid.State == NodeInvoiceState.Settled, paid.SettledAt, cancellationToken);
    }

    /// <exception cref="InvalidFieldException">Not a BOLT11 invoice (field <c>invoice</c>).</exception>
    public static Bolt11Invoice Decode(string bolt11)
    {
        if (!Bolt11Codec.TryDecode(bolt11, out var invoice, out var error))
        {
            throw new InvalidFieldException("invoice", error);
        }
        return invoice;
    }

    public long DefaultMaxFee(long amountSats) =>
        Math.Max(options.Value.DefaultMaxFeeSats, (long)Math.Ceiling(amountSats * options.Value.DefaultMaxFeePercent / 100));

    private static long AmountToPay(Bolt11Invoice invoice, long? amountSats)
    {
        if (invoice.AmountMsat is { } named)
        {
            if (amountSats is { } given && given * 1000 != named)
            {
                throw new InvalidFieldException("amount_sats", $"The invoice asks for {named / 1000.0:0.###} sats; leave the amount out or give the same.");
            }
            return named;
        }
        if (amountSats is not { } sats || sats < 1)
        {
            throw new InvalidFieldException("amount_sats", "This invoice names no amount; say how many sats to pay.");
        }
        return sats * 1000;
    }

    private async Task<NodePayment?> PaymentOnRecordAsync(string paymentHash, CancellationToken cancellationToken)
    {
        try
        {
            return await node.GetPaymentAsync(paymentHash, cancellationToken);
        }
        catch (LightningNodeException)
        {
            return null;
        }
    }

    private async Task<string?> NetworkPrefixAsync(CancellationToken cancellationToken)
    {
        if (_networkPrefix is not null)
        {
            return _networkPrefix;
        }
        try
        {
            return _networkPrefix = LightningNetworks.PrefixOf((await node.GetInfoAsync(cancellationToken)).Network);
        }
        catch (LightningNodeException)
        {
            return null; // the node will judge the invoice itself
        }
    }

    private Task<LedgerEntry> MoveAsync(LedgerChange change, Func<LedgerEntry, EventDraft> logged, CancellationToken cancellationToken) =>
        GroupCommit.For(connections).RunAsync(async transaction =>
        {
            var move = await store.MoveAsync(transaction, change, CancellationToken.None);
            if (move.Moved)
            {
                await events.AppendAsync(transaction, logged(move.Entry), CancellationToken.None);
            }
            return move.Entry;
        }, cancellationToken);

    private static RefusalException Translate(LightningNodeException ex) => ex.Failure == LightningNodeFailure.Refused
        ? new NodeRefusedException(ex.Message)
        : new NodeUnavailableException(ex.Message);

    private static string? Memo(NewInvoice request) => string.IsNullOrWhiteSpace(request.Memo) ? null : request.Memo.Trim();

    private static string Shorten(string reason) => reason.Length <= 500 ? reason : reason[..497] + "...";
}
