using System.Net.Http.Json;
using Timmy.Web.Api.Lightning;

namespace Timmy.Web.Cli;

/// <summary>The Lightning API as the <c>ln</c> verbs call it, over the given HttpClient (base address and bearer token
/// set). An error answer throws <see cref="ServerApiException"/>; an unreachable server <see cref="HttpRequestException"/>.</summary>
public sealed class LightningApiClient(HttpClient http)
{
    public async Task<LedgerEntryDto> CreateInvoiceAsync(long amountSats, string? memo, CancellationToken cancellationToken)
    {
        using var response = await http.PostAsJsonAsync("api/v1/lightning/invoices", new { amount_sats = amountSats, memo }, ApiAnswers.Json, cancellationToken);
        return await ApiAnswers.ReadAsync<LedgerEntryDto>(response, cancellationToken);
    }

    public async Task<InvoicePreviewDto> DecodeAsync(string invoice, CancellationToken cancellationToken)
    {
        using var response = await http.PostAsJsonAsync("api/v1/lightning/decode", new { invoice }, ApiAnswers.Json, cancellationToken);
        return await ApiAnswers.ReadAsync<InvoicePreviewDto>(response, cancellationToken);
    }

    public async Task<LedgerEntryDto> PayAsync(string invoice, long? maxFeeSats, long? amountSats, CancellationToken cancellationToken)
    {
        using var response = await http.PostAsJsonAsync("api/v1/lightning/payments",
            new { invoice, max_fee_sats = maxFeeSats, amount_sats = amountSats }, ApiAnswers.Json, cancellationToken);
        return await ApiAnswers.ReadAsync<LedgerEntryDto>(response, cancellationToken);
    }

    public async Task<BalanceDto> BalanceAsync(CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync("api/v1/lightning/balance", cancellationToken);
        return await ApiAnswers.ReadAsync<BalanceDto>(response, cancellationToken);
    }

    public async Task<NodeStatusDto> NodeAsync(CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync("api/v1/lightning/node", cancellationToken);
        return await ApiAnswers.ReadAsync<NodeStatusDto>(response, cancellationToken);
    }
}
