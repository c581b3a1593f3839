using Timmy.Core.Events;

namespace Timmy.Web.Components.Events;

/// <summary>How each event type looks in the dashboard (ADR-022's activity panel): an icon and a label.
/// Only the server draws events, so this is the one place their looks are set.</summary>
public static class EventPresentation
{
    private static readonly Dictionary<string, (string Icon, string Label)> ByType = new()
    {
        [EventType.TaskCreated] = ("📝", "Task created"),
        [EventType.TaskBidding] = ("🔨", "Bidding opened"),
        [EventType.TaskAssigned] = ("🎯", "Task assigned"),
        [EventType.TaskStarted] = ("▶️", "Task started"),
        [EventType.TaskCompleted] = ("✅", "Task completed"),
        [EventType.TaskFailed] = ("❌", "Task failed"),
        [EventType.TaskCancelled] = ("🛑", "Task cancelled"),
        [EventType.AgentJoined] = ("👋", "Agent joined"),
        [EventType.AgentLeft] = ("🚪", "Agent left"),
        [EventType.AgentStatusChanged] = ("🔄", "Agent status"),
        [EventType.BidSubmitted] = ("💰", "Bid submitted"),
        [EventType.BidDeclined] = ("🙅", "Bid declined"),
        [EventType.AuctionClosed] = ("🏁", "Auction closed"),
        [EventType.ToolCalled] = ("🔧", "Tool called"),
        [EventType.ToolCompleted] = ("🛠️", "Tool finished"),
        [EventType.ToolFailed] = ("⚠️", "Tool failed"),
        [EventType.SystemError] = ("🚨", "Error"),
        [EventType.SystemWarning] = ("⚠️", "Warning"),
        [EventType.SystemInfo] = ("ℹ️", "Info"),
        [EventType.ProviderCircuitOpened] = ("🔴", "Circuit opened"),
        [EventType.ProviderCircuitHalfOpened] = ("🟡", "Circuit half-open"),
        [EventType.ProviderCircuitClosed] = ("🟢", "Circuit closed"),
        [EventType.ProviderFallback] = ("↪️", "Provider fallback"),
        [EventType.ProviderEnabled] = ("🔌", "Provider enabled"),
        [EventType.ProviderDisabled] = ("⏸️", "Provider disabled"),
        [EventType.ProviderProbed] = ("🩺", "Provider checked"),
        [EventType.AuthSignedIn] = ("🔑", "Signed in"),
        [EventType.AuthSignInFailed] = ("🔒", "Sign-in failed"),
        [EventType.AuthTokenCreated] = ("🎟️", "API token created"),
        [EventType.AuthTokenRevoked] = ("🗑️", "API token revoked"),
        [EventType.ChatAnswered] = ("💬", "Timmy answered"),
        [EventType.ChatFailed] = ("❗", "Timmy could not answer"),
        [EventType.ChatStopped] = ("⏹️", "Answer stopped"),
        [EventType.ChatConversationCleared] = ("🧹", "Conversation cleared"),
        [EventType.ChatConversationDeleted] = ("🗑️", "Conversation deleted"),
        [EventType.MemoryStored] = ("🧠", "Memory stored"),
        [EventType.MemoryUpdated] = ("✏️", "Memory updated"),
        [EventType.MemoryDeleted] = ("🚮", "Memory deleted"),
        [EventType.MemoryPruned] = ("✂️", "Memory pruned"),
        [EventType.MemoryReindexed] = ("🔁", "Memory re-embedded"),
        [EventType.PaymentInvoiceCreated] = ("🧾", "Invoice created"),
        [EventType.PaymentSettled] = ("⚡", "Payment received"),
        [EventType.PaymentSent] = ("💸", "Payment sent"),
        [EventType.PaymentExpired] = ("⌛", "Invoice expired"),
        [EventType.PaymentFailed] = ("❌", "Payment failed"),
        [EventType.PaymentDrift] = ("⚖️", "Ledger drift"),
        [EventType.PaymentBudgetChanged] = ("👛", "Budget changed"),
        [EventType.PaymentTokenRevoked] = ("🚫", "L402 token revoked"),
        [EventType.UpgradeRunStarted] = ("🛠️", "Self-modify run started"),
        [EventType.UpgradeRunProgress] = ("⏳", "Self-modify progress"),
        [EventType.UpgradeRunFinished] = ("🏁", "Self-modify run finished"),
        [EventType.UpgradeProposed] = ("📬", "Upgrade proposed"),
        [EventType.UpgradeApproved] = ("✅", "Upgrade approved"),
        [EventType.UpgradeRejected] = ("🙅", "Upgrade rejected"),
        [EventType.UpgradeExpired] = ("⌛", "Upgrade expired"),
        [EventType.UpgradeApplying] = ("⚙️", "Upgrade applying"),
        [EventType.UpgradeApplied] = ("🚀", "Upgrade applied"),
        [EventType.UpgradeFailed] = ("💥", "Upgrade failed"),
        [EventType.UpgradeRolledBack] = ("⏪", "Upgrade rolled back"),
    };

    public static string Icon(string eventType) => ByType.TryGetValue(eventType, out var p) ? p.Icon : "•";

    public static string Label(string eventType) => ByType.TryGetValue(eventType, out var p) ? p.Label : eventType;

    /// <summary>The category, for a badge colour (<c>task</c>, <c>agent</c>, <c>system</c>…).</summary>
    public static string Category(string eventType) => eventType.Split('.')[0];
}
