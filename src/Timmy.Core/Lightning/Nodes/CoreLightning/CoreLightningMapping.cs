using Timmy.Core.Lightning.Nodes.CoreLightning.Models;

namespace Timmy.Core.Lightning.Nodes.CoreLightning;

/// <summary>Turns Core Lightning's wire records into the contract's records.</summary>
internal static class CoreLightningMapping
{
    public static NodeInvoice ToInvoice(ClnInvoice invoice, DateTimeOffset now)
    {
        var expires = DateTimeOffset.FromUnixTimeSeconds(invoice.ExpiresAt);
        var state = invoice.Status switch
        {
            "paid" => NodeInvoiceState.Settled,
            "expired" => NodeInvoiceState.Expired,
            _ => now >= expires ? NodeInvoiceState.Expired : NodeInvoiceState.Open,
        };
        return new NodeInvoice(
            invoice.PaymentHash ?? "",
            invoice.Bolt11 ?? "",
            invoice.AmountMsat ?? 0,
            state,
            Bolt11Timestamp.TryRead(invoice.Bolt11) ?? expires,
            expires)
        {
            Memo = string.IsNullOrEmpty(invoice.Description) ? null : invoice.Description,
            Preimage = invoice.PaymentPreimage,
            SettledAt = state == NodeInvoiceState.Settled && invoice.PaidAt is { } paid ? DateTimeOffset.FromUnixTimeSeconds(paid) : null,
            AmountPaidMsat = state == NodeInvoiceState.Settled ? invoice.AmountReceivedMsat : null,
        };
    }

    public static NodePayment ToPayment(ClnPay pay)
    {
        var state = pay.Status switch
        {
            "complete" => NodePaymentState.Succeeded,
            "failed" => NodePaymentState.Failed,
            _ => NodePaymentState.Pending,
        };
        var amount = pay.AmountMsat ?? 0;
        var fee = pay.AmountSentMsat is { } sent && pay.AmountMsat is not null ? Math.Max(0, sent - amount) : 0;
        return new NodePayment(pay.PaymentHash ?? "", state, amount, state == NodePaymentState.Succeeded ? fee : 0)
        {
            Preimage = state == NodePaymentState.Succeeded ? pay.PaymentPreimage ?? pay.Preimage : null,
            FailureReason = state == NodePaymentState.Failed ? "payment failed" : null,
            CompletedAt = pay.CompletedAt is { } completed ? DateTimeOffset.FromUnixTimeMilliseconds((long)(completed * 1000)) : null,
        };
    }
}
