using Timmy.Core.Lightning.Nodes.Lnd.Models;

namespace Timmy.Core.Lightning.Nodes.Lnd;

/// <summary>Turns LND's wire records into the contract's records.</summary>
internal static class LndMapping
{
    public static NodeInvoice ToInvoice(LndInvoice invoice, DateTimeOffset now)
    {
        var created = DateTimeOffset.FromUnixTimeSeconds(invoice.CreationDate);
        var expires = created.AddSeconds(invoice.Expiry);
        var settled = invoice.State == "SETTLED";
        return new NodeInvoice(
            Convert.ToHexStringLower(invoice.RHash ?? []),
            invoice.PaymentRequest ?? "",
            invoice.ValueMsat,
            ToState(invoice.State, expires, now),
            created,
            expires)
        {
            Memo = string.IsNullOrEmpty(invoice.Memo) ? null : invoice.Memo,
            Preimage = invoice.RPreimage is { Length: > 0 } preimage ? Convert.ToHexStringLower(preimage) : null,
            SettledAt = settled && invoice.SettleDate > 0 ? DateTimeOffset.FromUnixTimeSeconds(invoice.SettleDate) : null,
            AmountPaidMsat = settled ? invoice.AmtPaidMsat : null,
        };
    }

    /// <summary>LND cancels an invoice itself when it expires unpaid, so a cancelled invoice past its expiry is
    /// reported as expired. ACCEPTED (a held HTLC) is still open: the money has not been taken.</summary>
    private static NodeInvoiceState ToState(string? state, DateTimeOffset expires, DateTimeOffset now) => state switch
    {
        "SETTLED" => NodeInvoiceState.Settled,
        "CANCELED" => now >= expires ? NodeInvoiceState.Expired : NodeInvoiceState.Cancelled,
        _ => now >= expires ? NodeInvoiceState.Expired : NodeInvoiceState.Open,
    };

    public static NodePayment ToPayment(LndPayment payment)
    {
        var state = payment.Status switch
        {
            "SUCCEEDED" => NodePaymentState.Succeeded,
            "FAILED" => NodePaymentState.Failed,
            _ => NodePaymentState.Pending,
        };
        return new NodePayment(payment.PaymentHash ?? "", state, payment.ValueMsat, payment.FeeMsat)
        {
            Preimage = state == NodePaymentState.Succeeded ? payment.PaymentPreimage : null,
            FailureReason = state == NodePaymentState.Failed ? DescribeFailure(payment.FailureReason) : null,
        };
    }

    /// <summary>"FAILURE_REASON_NO_ROUTE" reads as "no route".</summary>
    public static string DescribeFailure(string? reason) =>
        string.IsNullOrEmpty(reason) ? "payment failed" : reason.Replace("FAILURE_REASON_", "", StringComparison.Ordinal).Replace('_', ' ').ToLowerInvariant();

    public static string ToNetwork(LndInfo info) => info.Chains?.FirstOrDefault()?.Network switch
    {
        null or "" => "unknown",
        "mainnet" => "bitcoin",
        var network => network,
    };
}
