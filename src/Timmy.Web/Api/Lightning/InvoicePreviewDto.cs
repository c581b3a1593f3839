using Timmy.Core.Lightning.Ledger;

namespace Timmy.Web.Api.Lightning;

/// <summary>A decoded BOLT11 invoice, and whether it can be paid from here (<see cref="Problem"/> says why not).</summary>
public sealed record InvoicePreviewDto(
    string Network, long? AmountMsat, long? AmountSats, string PaymentHash, string? Description, string? DescriptionHash, string? Payee,
    DateTimeOffset Timestamp, DateTimeOffset ExpiresAt, bool Expired, int MinFinalCltvExpiry, int RouteHints, string? PaymentSecret,
    bool CanPay, string? Problem, string? LedgerEntryId)
{
    public static InvoicePreviewDto From(InvoicePreview p) => new(
        p.Invoice.Network, p.Invoice.AmountMsat, p.Invoice.AmountMsat is { } msat ? (msat + 999) / 1000 : null, p.Invoice.PaymentHash,
        p.Invoice.Description, p.Invoice.DescriptionHash, p.Invoice.PayeeNodeId, p.Invoice.Timestamp, p.Invoice.ExpiresAt, p.Expired,
        p.Invoice.MinFinalCltvExpiry, p.Invoice.RouteHints.Count, p.Invoice.PaymentSecret, p.CanPay, p.Problem, p.Existing?.Id);
}
