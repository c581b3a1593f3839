using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.WebUtilities;
using Timmy.Core.Lightning.Budgets;
using Timmy.Core.Lightning.Ledger;
using Timmy.Core.Refusals;

namespace Timmy.Web.Components.Lightning;

/// <summary>/lightning/ledger: the node, the balance, the daily volume, the transactions (filtered by the address, paged
/// by <c>before</c>), invoices to create, invoices to pay (review, then confirm), and agents' budgets; live through
/// its script. Every form posts back here: a refusal is shown beside its form with nothing changed; a change redirects
/// with a notice (post-redirect-get), keeping the filters, and naming the new invoice or payment so it stays shown.</summary>
public partial class LightningLedgerPage
{
    [Inject] private LightningViews Views { get; set; } = default!;
    [Inject] private LedgerService Ledger { get; set; } = default!;
    [Inject] private BudgetService Budgets { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;
    [CascadingParameter] private HttpContext HttpContext { get; set; } = default!;

    [SupplyParameterFromQuery(Name = "direction")] private string? Direction { get; set; }
    [SupplyParameterFromQuery(Name = "status")] private string? Status { get; set; }
    [SupplyParameterFromQuery(Name = "task")] private string? TaskId { get; set; }
    [SupplyParameterFromQuery(Name = "agent")] private string? Agent { get; set; }
    [SupplyParameterFromQuery(Name = "from")] private string? From { get; set; }
    [SupplyParameterFromQuery(Name = "to")] private string? To { get; set; }
    [SupplyParameterFromQuery(Name = "before")] private string? Before { get; set; }
    [SupplyParameterFromQuery(Name = "invoice")] private string? InvoiceId { get; set; }
    [SupplyParameterFromQuery(Name = "payment")] private string? PaymentId { get; set; }
    [SupplyParameterFromQuery(Name = "notice")] private string? NoticeCode { get; set; }
    [SupplyParameterFromQuery(Name = "who")] private string? NoticeAgent { get; set; }

    [SupplyParameterFromForm(FormName = "create-invoice", Name = "amount_sats")] private string? InvoiceAmount { get; set; }
    [SupplyParameterFromForm(FormName = "create-invoice", Name = "memo")] private string? InvoiceMemo { get; set; }
    [SupplyParameterFromForm(FormName = "create-invoice", Name = "expiry_seconds")] private string? InvoiceExpiry { get; set; }
    [SupplyParameterFromForm(FormName = "review-payment", Name = "invoice")] private string? ReviewInvoice { get; set; }
    [SupplyParameterFromForm(FormName = "pay", Name = "invoice")] private string? ConfirmInvoice { get; set; }
    [SupplyParameterFromForm(FormName = "pay", Name = "max_fee_sats")] private string? PayMaxFee { get; set; }
    [SupplyParameterFromForm(FormName = "pay", Name = "amount_sats")] private string? PayAmount { get; set; }
    [SupplyParameterFromForm(FormName = "simulate", Name = "entry")] private string? SimulateEntry { get; set; }
    [SupplyParameterFromForm(FormName = "set-budget", Name = "agent_id")] private string? BudgetAgent { get; set; }
    [SupplyParameterFromForm(FormName = "set-budget", Name = "max_sats")] private string? BudgetMax { get; set; }
    [SupplyParameterFromForm(FormName = "set-budget", Name = "period")] private string? BudgetPeriodValue { get; set; }
    [SupplyParameterFromForm(FormName = "remove-budget", Name = "agent")] private string? RemoveAgent { get; set; }

    private LedgerFilters Filters { get; set; } = LedgerFilters.None;
    private LedgerLiveModel? Model { get; set; }
    private IReadOnlyList<string> AgentIds { get; set; } = [];
    private LightningNotice? Notice { get; set; }
    private List<string> InvoiceErrors { get; } = [];
    private List<string> BudgetErrors { get; } = [];
    private string? SimulateError { get; set; }
    private string? PayInvoice => ConfirmInvoice ?? ReviewInvoice;
    private InvoicePreview? Preview { get; set; }
    private string? ReviewError { get; set; }
    private string? PayError { get; set; }

    private long DefaultMaxFee => Ledger.DefaultMaxFee(Preview?.Invoice.AmountSats ?? 0);

    private CancellationToken Ct => HttpContext.RequestAborted;

    private string Actor => HttpContext.User.Identity?.Name ?? "owner";

    protected override async Task OnInitializedAsync()
    {
        Filters = LedgerFilters.FromAddress(Direction, Status, TaskId, Agent, From, To, Before);
        Notice = LightningNotice.For(NoticeCode, NoticeAgent);
        Model = await Views.LiveAsync(Filters, InvoiceId, PaymentId, refreshNode: false, Ct);
        AgentIds = await Views.AgentIdsAsync(Ct);
    }

    private async Task CreateInvoiceAsync()
    {
        if (!long.TryParse(InvoiceAmount, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var amount))
        {
            InvoiceErrors.Add("Say how many sats, as a whole number (e.g. 1000).");
            return;
        }
        if (!InvoiceExpiries.TryParse(InvoiceExpiry, out var expiry))
        {
            InvoiceErrors.Add("Pick how long the invoice may be paid.");
            return;
        }
        try
        {
            var entry = await Ledger.CreateInvoiceAsync(new NewInvoice(amount, InvoiceMemo) { Expiry = expiry, Actor = Actor }, Ct);
            Done(LightningNotice.InvoiceCreated, "new-invoice", ("invoice", entry.Id));
        }
        catch (RefusalException ex)
        {
            InvoiceErrors.Add(ex.Message);
        }
    }

    private async Task ReviewAsync() => await PreviewAsync(ReviewInvoice);

    private async Task PayAsync()
    {
        if (!await PreviewAsync(ConfirmInvoice))
        {
            return;
        }
        if (!TryOptionalSats(PayMaxFee, out var maxFee) || !TryOptionalSats(PayAmount, out var amount))
        {
            PayError = "The most fee and the amount are whole numbers of sats.";
            return;
        }
        try
        {
            var entry = await Ledger.PayAsync(new PaymentOrder(ConfirmInvoice!) { MaxFeeSats = maxFee, AmountSats = amount, Actor = Actor }, Ct);
            var notice = entry.Status switch
            {
                LedgerStatus.Settled => LightningNotice.PaymentSettled,
                LedgerStatus.Pending => LightningNotice.PaymentPending,
                _ => LightningNotice.PaymentFailed,
            };
            Done(notice, "pay", ("payment", entry.Id));
        }
        catch (RefusalException ex)
        {
            PayError = ex.Message;
        }
    }

    /// <summary>Decodes the pasted invoice for the review; false (with the reason beside the field) when it is none.</summary>
    private async Task<bool> PreviewAsync(string? invoice)
    {
        if (string.IsNullOrWhiteSpace(invoice))
        {
            ReviewError = "Paste a BOLT11 invoice (it starts with ln).";
            return false;
        }
        try
        {
            Preview = await Ledger.PreviewAsync(invoice.Trim(), Ct);
            return true;
        }
        catch (InvalidFieldException ex)
        {
            ReviewError = "invalid invoice: " + ex.Message;
            return false;
        }
    }

    private async Task SimulateAsync()
    {
        try
        {
            await Ledger.SimulatePaymentAsync(SimulateEntry ?? "", Ct);
            Done(LightningNotice.Simulated, "transactions");
        }
        catch (LedgerEntryNotFoundException)
        {
            Done(LightningNotice.Gone, "transactions");
        }
        catch (RefusalException ex)
        {
            SimulateError = ex.Message;
        }
    }

    private async Task SetBudgetAsync()
    {
        if (!long.TryParse(BudgetMax, NumberStyles.None, CultureInfo.InvariantCulture, out var max))
        {
            BudgetErrors.Add("Say the most sats per period, as a whole number, 0 or more.");
            return;
        }
        try
        {
            var standing = await Budgets.SetAsync(BudgetAgent ?? "", max, (BudgetPeriodValue ?? "").Trim().ToLowerInvariant(), Actor, Ct);
            Done(LightningNotice.BudgetSet, "budgets", ("who", standing.Budget.AgentId));
        }
        catch (RefusalException ex)
        {
            BudgetErrors.Add(ex.Message);
        }
    }

    private async Task RemoveBudgetAsync()
    {
        var agent = RemoveAgent ?? "";
        try
        {
            await Budgets.RemoveAsync(agent, Actor, Ct);
            Done(LightningNotice.BudgetRemoved, "budgets", ("who", agent));
        }
        catch (BudgetNotFoundException)
        {
            Done(LightningNotice.BudgetGone, "budgets", ("who", agent));
        }
    }

    /// <summary>Back to this page with the same filters and a notice (post-redirect-get), at the part that changed; the
    /// invoice or payment the address named, or the one just made, stays named so it is shown (and kept current).</summary>
    private void Done(string notice, string part, params (string Key, string Value)[] more)
    {
        var query = new Dictionary<string, string?> { ["notice"] = notice, ["invoice"] = InvoiceId, ["payment"] = PaymentId };
        foreach (var (key, value) in more)
        {
            query[key] = value;
        }
        Navigation.NavigateTo(QueryHelpers.AddQueryString(Filters.Url(Filters.Before), query.Where(p => p.Value is not null)) + "#" + part);
    }

    private static bool TryOptionalSats(string? value, out long? sats)
    {
        sats = null;
        if (string.IsNullOrWhiteSpace(value))
        {
            return true;
        }
        var ok = long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed);
        sats = ok ? parsed : null;
        return ok;
    }
}
