namespace Timmy.Web.Api.Lightning;

/// <summary>What a reconciliation pass did: how many pending entries it resolved, and how many are still pending.</summary>
public sealed record ReconcileDto(int Resolved, int StillPending);
