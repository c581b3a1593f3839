namespace Timmy.Core.Lightning.Ledger;

/// <summary>What made a ledger entry (<c>source</c>): the owner (page, API or CLI), an agent spending from its budget,
/// a task's payout to its winner, a task's funding invoice, or an L402 challenge.</summary>
public static class LedgerSources
{
    public const string Owner = "owner";
    public const string Agent = "agent";
    public const string Payout = "payout";
    public const string TaskFunding = "task-funding";
    public const string L402 = "l402";
}
