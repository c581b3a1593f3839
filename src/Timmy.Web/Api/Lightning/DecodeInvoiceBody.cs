using System.ComponentModel.DataAnnotations;

namespace Timmy.Web.Api.Lightning;

/// <summary>The body of <c>POST /api/v1/lightning/decode</c>.</summary>
public sealed record DecodeInvoiceBody(
    [property: Required(ErrorMessage = "'invoice' is required."),
     StringLength(7_089, ErrorMessage = "'invoice' must be at most {1} characters.")] string? Invoice);
