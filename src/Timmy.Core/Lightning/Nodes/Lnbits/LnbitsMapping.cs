using Timmy.Core.Lightning.Nodes.Lnbits.Models;
using Timmy.Core.Lightning.Nodes.Rest;

namespace Timmy.Core.Lightning.Nodes.Lnbits;

/// <summary>Turns LNbits' payment records into the contract's records. An incoming payment is an invoice.</summary>
internal static class LnbitsMapping
{
    /// <summary>What BOLT11 assumes when an invoice names no expiry.</summary>
    private static readonly TimeSpan DefaultExpiry = TimeSpan.FromHours(1);

    public static bool IsIncoming(LnbitsPayment payment) => payment.Amount > 0;

    public static bool IsPaid(LnbitsPayment payment, bool? paid = null) =>
        payment.Status is { } status ? status == "success" : paid ?? payment.Pending == false;

    public static NodeInvoice ToInvoice(LnbitsPayment payment, DateTimeOffset now, bool? paid = null)
    {
        var created = NodeJson.ReadTimestamp(payment.Time) ?? now;
        var expires = NodeJson.ReadTimestamp(payment.Expiry) ?? created + DefaultExpiry;
        var settled = IsPaid(payment, paid);
        var state = settled ? NodeInvoiceState.Settled
            : payment.Status == "failed" ? NodeInvoiceState.Cancelled
            : now >= expires ? NodeInvoiceState.Expired
            : NodeInvoiceState.Open;
        return new NodeInvoice(payment.PaymentHash ?? "", payment.Bolt11 ?? "", payment.Amount, state, created, expires)
        {
            Memo = string.IsNullOrEmpty(payment.Memo) ? null : payment.Memo,
            Preimage = payment.Preimage,
            AmountPaidMsat = settled ? payment.Amount : null,
        };
    }

    public static NodePayment ToPayment(LnbitsPayment payment, bool? paid = null)
    {
        var state = IsPaid(payment, paid) ? NodePaymentState.Succeeded
            : payment.Status == "failed" ? NodePaymentState.Failed
            : NodePaymentState.Pending;
        return new NodePayment(payment.PaymentHash ?? "", state, Math.Abs(payment.Amount), Math.Abs(payment.Fee))
        {
            Preimage = state == NodePaymentState.Succeeded ? payment.Preimage : null,
            FailureReason = state == NodePaymentState.Failed ? "payment failed" : null,
        };
    }
}
