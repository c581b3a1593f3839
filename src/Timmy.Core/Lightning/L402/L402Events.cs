using Timmy.Core.Events;

namespace Timmy.Core.Lightning.L402;

/// <summary>The events L402 logs itself (the ledger logs its invoices).</summary>
public static class L402Events
{
    public const string Source = "l402";

    public static EventDraft TokenRevoked(L402Token token) => new(EventType.PaymentTokenRevoked, Source, new
    {
        token_id = token.TokenId,
        payment_hash = token.PaymentHash,
        service = token.Service,
        tier = token.Tier,
        uses = token.Uses,
        tokens_used = token.TokensUsed,
    });
}
