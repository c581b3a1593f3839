namespace Timmy.Core.Lightning.L402;

/// <summary>An invoice the ledger created for an L402 challenge: its payment hash (hex), the BOLT11 text, and when it
/// stops being payable.</summary>
public sealed record L402Invoice(string PaymentHash, string Bolt11, DateTimeOffset ExpiresAt);
