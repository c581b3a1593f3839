using System.Globalization;
using System.Text.Json;
using Timmy.Core.Events;

namespace Timmy.Web.Components.Lightning;

/// <summary>The payment.* events in a sentence for the activity feed ("Received 1,000 sats", "Paid 500 sats (fee 1)").
/// The events carry no preimage nor invoice string, so the sentences have none either. Null for other events.</summary>
public static class LightningEventText
{
    public static string? Describe(EventRecord e)
    {
        var d = e.Data;
        return e.EventType switch
        {
            EventType.PaymentInvoiceCreated => $"Invoice for {Sats(d, "amount_sats")} created{For(d)}",
            EventType.PaymentSettled => $"Received {Sats(d, "amount_sats")}{For(d)}",
            EventType.PaymentSent => $"Paid {Sats(d, "amount_sats")} (fee {Number(d, "fee_sats")}){For(d)}",
            EventType.PaymentExpired => $"Invoice for {Sats(d, "amount_sats")} expired unpaid{For(d)}",
            EventType.PaymentFailed => $"Payment of {Sats(d, "amount_sats")} failed: {Text(d, "reason") ?? "no reason given"}",
            EventType.PaymentDrift => $"Ledger and node disagree: {Text(d, "problem") ?? "about an entry"} (ledger {Text(d, "ledger_status")}, node {Text(d, "node_status")})",
            EventType.PaymentBudgetChanged when Flag(d, "removed") => $"Budget for {Text(d, "agent_id") ?? e.AgentId} removed",
            EventType.PaymentBudgetChanged => $"Budget for {Text(d, "agent_id") ?? e.AgentId} set to {Sats(d, "max_sats")} {Text(d, "period")}",
            EventType.PaymentTokenRevoked => $"L402 token for {Text(d, "service") ?? "a service"} revoked",
            _ => null,
        };
    }

    /// <summary>What the payment was for, when its memo says.</summary>
    private static string For(JsonElement d) => Text(d, "memo") is { Length: > 0 } memo ? $": “{memo}”" : "";

    private static string Sats(JsonElement d, string key) =>
        d.ValueKind == JsonValueKind.Object && d.TryGetProperty(key, out var v) && v.TryGetInt64(out var sats) ? LightningFormat.Sats(sats) : "? sats";

    private static string Number(JsonElement d, string key) =>
        d.ValueKind == JsonValueKind.Object && d.TryGetProperty(key, out var v) && v.TryGetInt64(out var n) ? n.ToString("N0", CultureInfo.InvariantCulture) : "?";

    private static string? Text(JsonElement d, string key) =>
        d.ValueKind == JsonValueKind.Object && d.TryGetProperty(key, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static bool Flag(JsonElement d, string key) =>
        d.ValueKind == JsonValueKind.Object && d.TryGetProperty(key, out var v) && v.ValueKind == JsonValueKind.True;
}
