using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Timmy.Core.Lightning;
using Timmy.Core.Lightning.Budgets;
using Timmy.Core.Lightning.Ledger;
using Timmy.Core.Security;
using Timmy.Web.Auth;

namespace Timmy.Web.Api.Lightning;

/// <summary>The Lightning ledger's reads under <c>/api/v1/lightning</c> (<c>lightning:read</c>): balance, entries with
/// filters and paging, one entry, the daily volume, the CSV export, the node's status, budgets, and decoding an invoice
/// before paying it. The writes are in <see cref="LightningPayEndpoints"/>.</summary>
public static class LightningEndpoints
{
    public const string Prefix = "/api/v1/lightning";
    public const int DefaultListLimit = 50;
    public const int MaxListLimit = 500;

    public static IEndpointRouteBuilder MapLightningEndpoints(this IEndpointRouteBuilder app)
    {
        var read = app.MapGroup(Prefix).WithTags("Lightning").RequireScope(ApiScopes.LightningRead);
        read.MapGet("/balance", BalanceAsync).WithName("LightningBalance")
            .WithSummary("The balance as the spec defines it: incoming and outgoing totals, fees, net, pending each way, available");
        read.MapGet("/ledger", ListAsync).WithName("ListLedger").ProducesValidationProblem()
            .WithSummary("Ledger entries, newest first, filtered by direction, status, task, agent and time, paged by the `next` cursor");
        read.MapGet("/invoices", ([AsParameters] LedgerFilterQuery f, string? before, int? limit, LedgerService l) =>
                ListDirectionAsync(LedgerDirection.Incoming, f, before, limit, l))
            .WithName("ListInvoices").ProducesValidationProblem().WithSummary("Invoices issued (incoming entries), newest first");
        read.MapGet("/payments", ([AsParameters] LedgerFilterQuery f, string? before, int? limit, LedgerService l) =>
                ListDirectionAsync(LedgerDirection.Outgoing, f, before, limit, l))
            .WithName("ListPayments").ProducesValidationProblem().WithSummary("Payments made (outgoing entries), newest first");
        read.MapGet("/ledger/{id}", GetAsync).WithName("GetLedgerEntry").ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("One ledger entry");
        read.MapGet("/daily", DailyAsync).WithName("LedgerDaily").ProducesValidationProblem()
            .WithSummary("Settled volume per UTC day for the last `days` days (default 30)");
        read.MapGet("/export", ExportAsync).WithName("ExportLedger").ProducesValidationProblem()
            .WithSummary("Matching entries as CSV, oldest first");
        read.MapGet("/node", NodeAsync).WithName("LightningNode")
            .WithSummary("The node: kind (simulated or real), reachable, id, alias, network, balance; `refresh=true` asks it now");
        read.MapGet("/budgets", BudgetsAsync).WithName("ListBudgets").WithSummary("Every agent's budget with what it spent this period");
        read.MapPost("/decode", DecodeAsync).WithName("DecodeInvoice").ProducesValidationProblem()
            .WithSummary("Decode a BOLT11 invoice: amount, payee, description, expiry, and whether it can be paid from here");
        return app;
    }

    private static async Task<Ok<BalanceDto>> BalanceAsync(LedgerService ledger, CancellationToken ct) =>
        TypedResults.Ok(BalanceDto.From(await ledger.Store.BalanceAsync(ct)));

    private static Task<Results<Ok<LedgerPageDto>, ValidationProblem>> ListAsync(
        [AsParameters] LedgerFilterQuery filters, string? before,
        [Range(1, MaxListLimit, ErrorMessage = "'limit' must be from {1} to {2}.")] int? limit, LedgerService ledger) =>
        ListDirectionAsync(null, filters, before, limit, ledger);

    private static async Task<Results<Ok<LedgerPageDto>, ValidationProblem>> ListDirectionAsync(
        string? direction, LedgerFilterQuery filters, string? before, int? limit, LedgerService ledger)
    {
        var errors = new Dictionary<string, string[]>();
        var filter = filters.ToFilter(errors);
        var cursor = QueryField.Bounded("before", before, LedgerFilterQuery.MaxIdLength, errors);
        if (limit is < 1 or > MaxListLimit)
        {
            errors["limit"] = [$"'limit' must be from 1 to {MaxListLimit}."];
        }
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        var page = await ledger.Store.ListAsync(filter with
        {
            Direction = direction ?? filter.Direction, Before = cursor, Limit = limit ?? DefaultListLimit,
        }, CancellationToken.None);
        return TypedResults.Ok(new LedgerPageDto(page.Entries.Select(LedgerEntryDto.From).ToList(), page.Next));
    }

    private static async Task<Ok<LedgerEntryDto>> GetAsync(string id, LedgerService ledger, CancellationToken ct) =>
        TypedResults.Ok(LedgerEntryDto.From(await ledger.Store.GetAsync(id, ct) ?? throw new LedgerEntryNotFoundException(id)));

    private static async Task<Results<Ok<IReadOnlyList<LedgerDayDto>>, ValidationProblem>> DailyAsync(int? days, LedgerService ledger, TimeProvider time, CancellationToken ct)
    {
        if (days is < 1 or > 366)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["days"] = ["'days' must be from 1 to 366."] });
        }
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var result = await ledger.Store.DailyAsync(today.AddDays(1 - (days ?? 30)), today, ct);
        return TypedResults.Ok<IReadOnlyList<LedgerDayDto>>(result.Select(LedgerDayDto.From).ToList());
    }

    private static Results<LedgerExportResult, ValidationProblem> ExportAsync([AsParameters] LedgerFilterQuery filters, LedgerService ledger)
    {
        var errors = new Dictionary<string, string[]>();
        var filter = filters.ToFilter(errors);
        return errors.Count > 0 ? TypedResults.ValidationProblem(errors) : new LedgerExportResult(ledger.Store.ExportAsync(filter));
    }

    private static async Task<Ok<NodeStatusDto>> NodeAsync(bool? refresh, LightningNodeStatus status, CancellationToken ct) =>
        TypedResults.Ok(NodeStatusDto.From(await status.GetAsync(refresh ?? false, ct)));

    private static async Task<Ok<IReadOnlyList<BudgetDto>>> BudgetsAsync(BudgetService budgets, CancellationToken ct) =>
        TypedResults.Ok<IReadOnlyList<BudgetDto>>((await budgets.ListAsync(ct)).Select(BudgetDto.From).ToList());

    private static async Task<Ok<InvoicePreviewDto>> DecodeAsync([FromBody] DecodeInvoiceBody body, LedgerService ledger, CancellationToken ct) =>
        TypedResults.Ok(InvoicePreviewDto.From(await ledger.PreviewAsync(body.Invoice!, ct)));
}
