using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Timmy.Core.Lightning.Budgets;
using Timmy.Core.Lightning.Ledger;
using Timmy.Core.Security;
using Timmy.Web.Auth;

namespace Timmy.Web.Api.Lightning;

/// <summary>The Lightning writes under <c>/api/v1/lightning</c> (<c>lightning:pay</c>): issue an invoice, pay one, have
/// the simulated node's outside wallet pay one of ours, set or remove an agent's budget, and reconcile now.</summary>
public static class LightningPayEndpoints
{
    public static IEndpointRouteBuilder MapLightningPayEndpoints(this IEndpointRouteBuilder app)
    {
        var pay = app.MapGroup(LightningEndpoints.Prefix).WithTags("Lightning").RequireScope(ApiScopes.LightningPay);
        pay.MapPost("/invoices", CreateInvoiceAsync).WithName("CreateInvoice").ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .WithSummary("Issue a BOLT11 invoice on the node and record it in the ledger as pending");
        pay.MapPost("/payments", PayAsync).WithName("PayInvoice").ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Pay a BOLT11 invoice with a most fee: recorded as pending first, then settled or failed from the node's answer (still pending when the node has not finished: the reconciler follows it)");
        pay.MapPost("/invoices/{id}/simulate-payment", SimulateAsync).WithName("SimulatePayment")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Simulated node only: an outside wallet pays this open invoice, and the ledger settles it");
        pay.MapPut("/budgets/{agentId}", SetBudgetAsync).WithName("SetBudget").ProducesValidationProblem()
            .WithSummary("Set an agent's spending budget: at most `max_sats` per `period` (daily, weekly, monthly, never)");
        pay.MapDelete("/budgets/{agentId}", RemoveBudgetAsync).WithName("RemoveBudget").ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Remove an agent's budget (it can no longer spend)");
        pay.MapPost("/reconcile", ReconcileAsync).WithName("ReconcileLedger")
            .WithSummary("Check every pending entry against the node now");
        return app;
    }

    private static async Task<Created<LedgerEntryDto>> CreateInvoiceAsync([FromBody] CreateInvoiceBody body, ClaimsPrincipal user, LedgerService ledger)
    {
        var entry = await ledger.CreateInvoiceAsync(new NewInvoice(body.AmountSats!.Value, body.Memo)
        {
            Expiry = body.ExpirySeconds is { } s ? TimeSpan.FromSeconds(s) : null, Actor = ActorOf(user),
        }, CancellationToken.None);
        return TypedResults.Created(EntryAddress(entry.Id), LedgerEntryDto.From(entry));
    }

    private static async Task<Created<LedgerEntryDto>> PayAsync([FromBody] PayInvoiceBody body, ClaimsPrincipal user, LedgerService ledger)
    {
        var entry = await ledger.PayAsync(new PaymentOrder(body.Invoice!)
        {
            MaxFeeSats = body.MaxFeeSats, AmountSats = body.AmountSats, Actor = ActorOf(user),
        }, CancellationToken.None);
        return TypedResults.Created(EntryAddress(entry.Id), LedgerEntryDto.From(entry));
    }

    [TakesNoBody]
    private static async Task<Ok<LedgerEntryDto>> SimulateAsync(string id, LedgerService ledger) =>
        TypedResults.Ok(LedgerEntryDto.From(await ledger.SimulatePaymentAsync(id, CancellationToken.None)));

    private static async Task<Ok<BudgetDto>> SetBudgetAsync(string agentId, [FromBody] SetBudgetBody body, ClaimsPrincipal user, BudgetService budgets) =>
        TypedResults.Ok(BudgetDto.From(await budgets.SetAsync(agentId, body.MaxSats!.Value, body.Period!.Trim().ToLowerInvariant(), ActorOf(user), CancellationToken.None)));

    private static async Task<NoContent> RemoveBudgetAsync(string agentId, ClaimsPrincipal user, BudgetService budgets)
    {
        await budgets.RemoveAsync(agentId, ActorOf(user), CancellationToken.None);
        return TypedResults.NoContent();
    }

    [TakesNoBody]
    private static async Task<Ok<ReconcileDto>> ReconcileAsync(LedgerReconciler reconciler, LedgerService ledger)
    {
        var resolved = await reconciler.ReconcileAsync(CancellationToken.None);
        return TypedResults.Ok(new ReconcileDto(resolved, (await ledger.Store.PendingAsync(CancellationToken.None)).Count));
    }

    public static string EntryAddress(string id) => $"{LightningEndpoints.Prefix}/ledger/{id}";

    private static string ActorOf(ClaimsPrincipal user) => user.Identity?.Name ?? "unknown";
}
