using System.ComponentModel.DataAnnotations;

namespace Timmy.Web.Api.Lightning;

/// <summary>The body of <c>POST /api/v1/lightning/payments</c>: the BOLT11 invoice, the most its routing may cost, and
/// the amount for an invoice that names none.</summary>
public sealed record PayInvoiceBody(
    [property: Required(ErrorMessage = "'invoice' is required."),
     StringLength(7_089, ErrorMessage = "'invoice' must be at most {1} characters.")] string? Invoice,
    [property: Range(0, 10_000_000, ErrorMessage = "'max_fee_sats' must be from {1} to {2}.")] long? MaxFeeSats,
    [property: Range(1, 10_000_000_000, ErrorMessage = "'amount_sats' must be from {1} to {2}.")] long? AmountSats);
