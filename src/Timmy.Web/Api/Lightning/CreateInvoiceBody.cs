using System.ComponentModel.DataAnnotations;

namespace Timmy.Web.Api.Lightning;

/// <summary>The body of <c>POST /api/v1/lightning/invoices</c>: how many sats, the memo the payer sees, and how long it
/// may be paid (seconds; the configured default when left out).</summary>
public sealed record CreateInvoiceBody(
    [property: Required(ErrorMessage = "'amount_sats' is required.")] long? AmountSats,
    [property: StringLength(2_000, ErrorMessage = "'memo' must be at most {1} characters.")] string? Memo,
    [property: Range(60, 2_592_000, ErrorMessage = "'expiry_seconds' must be from {1} to {2}.")] int? ExpirySeconds);
