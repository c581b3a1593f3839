namespace Timmy.Web.Api.Lightning;

/// <summary>A page of ledger entries, newest first; pass <see cref="Next"/> as <c>before</c> for the older ones.</summary>
public sealed record LedgerPageDto(IReadOnlyList<LedgerEntryDto> Items, string? Next);
