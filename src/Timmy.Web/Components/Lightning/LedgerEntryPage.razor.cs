using Microsoft.AspNetCore.Components;
using Timmy.Core.Lightning.Ledger;
using Timmy.Core.Refusals;

namespace Timmy.Web.Components.Lightning;

/// <summary>/lightning/ledger/{id}: one ledger entry with every field (the preimage only for an outgoing payment: the
/// proof it was paid), the invoice's QR code and Copy while an incoming invoice is pending, Simulate payment on the
/// simulated node, and links to its task and agent. An unknown id is the "Not found" page (404).</summary>
public partial class LedgerEntryPage
{
    [Inject] private LightningViews Views { get; set; } = default!;
    [Inject] private LedgerService Ledger { get; set; } = default!;
    [Inject] private TimeProvider Time { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;
    [CascadingParameter] private HttpContext HttpContext { get; set; } = default!;

    [Parameter] public string Id { get; set; } = "";

    [SupplyParameterFromQuery(Name = "notice")] private string? NoticeCode { get; set; }

    private LedgerEntry? Entry { get; set; }
    private LightningNotice? Notice { get; set; }
    private string? Error { get; set; }
    private DateTimeOffset Now { get; set; }

    private bool IsSimulated => Views.IsSimulated;

    private bool Expired => Entry?.ExpiresAt is { } expires && expires <= Now;

    protected override async Task OnInitializedAsync()
    {
        Now = Time.GetUtcNow();
        Notice = LightningNotice.For(NoticeCode);
        Entry = await Views.EntryAsync(Id, HttpContext.RequestAborted);
        if (Entry is null)
        {
            Navigation.NotFound();
        }
    }

    private async Task SimulateAsync()
    {
        try
        {
            await Ledger.SimulatePaymentAsync(Id, HttpContext.RequestAborted);
            Navigation.NavigateTo($"{LightningFormat.EntryUrl(Id)}?notice={LightningNotice.Simulated}");
        }
        catch (RefusalException ex)
        {
            Error = ex.Message;
        }
    }
}
