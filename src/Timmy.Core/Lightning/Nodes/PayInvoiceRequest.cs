namespace Timmy.Core.Lightning.Nodes;

/// <summary>A BOLT11 invoice to pay, with the most the routing may cost (milli-satoshis) and how long to wait for
/// the outcome. <see cref="AmountMsat"/> is only for invoices that name no amount.</summary>
public sealed record PayInvoiceRequest(string Bolt11, long MaxFeeMsat, TimeSpan Timeout)
{
    public long? AmountMsat { get; init; }
}
