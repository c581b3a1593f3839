using System.ComponentModel.DataAnnotations;

namespace Timmy.Web.Api.Lightning;

/// <summary>The body of <c>PUT /api/v1/lightning/budgets/{agentId}</c>: at most so many sats per period (daily, weekly,
/// monthly or never: a one-off allowance).</summary>
public sealed record SetBudgetBody(
    [property: Required(ErrorMessage = "'max_sats' is required.")] long? MaxSats,
    [property: Required(ErrorMessage = "'period' is required.")] string? Period);
