namespace Timmy.Core.Events;

/// <summary>The catalogue of event types. A type is <c>category.name</c>; only types listed here may be
/// logged, so a typo is an error instead of a silently unsearchable event. Features add their own.</summary>
public static class EventType
{
    public const string TaskCreated = "task.created";
    public const string TaskBidding = "task.bidding";
    public const string TaskAssigned = "task.assigned";
    public const string TaskStarted = "task.started";
    public const string TaskCompleted = "task.completed";
    public const string TaskFailed = "task.failed";
    public const string TaskCancelled = "task.cancelled";

    public const string AgentJoined = "agent.joined";
    public const string AgentLeft = "agent.left";
    public const string AgentStatusChanged = "agent.status_changed";

    public const string BidSubmitted = "bid.submitted";
    public const string BidDeclined = "bid.declined";
    public const string AuctionClosed = "auction.closed";

    public const string ToolCalled = "tool.called";
    public const string ToolCompleted = "tool.completed";
    public const string ToolFailed = "tool.failed";

    public const string SystemError = "system.error";
    public const string SystemWarning = "system.warning";
    public const string SystemInfo = "system.info";

    public const string ProviderCircuitOpened = "provider.circuit_opened";
    public const string ProviderCircuitHalfOpened = "provider.circuit_half_opened";
    public const string ProviderCircuitClosed = "provider.circuit_closed";
    public const string ProviderFallback = "provider.fallback";
    public const string ProviderEnabled = "provider.enabled";
    public const string ProviderDisabled = "provider.disabled";
    public const string ProviderProbed = "provider.probed";

    public const string AuthSignedIn = "auth.signed_in";
    public const string AuthSignInFailed = "auth.sign_in_failed";
    public const string AuthTokenCreated = "auth.token_created";
    public const string AuthTokenRevoked = "auth.token_revoked";

    public const string ChatAnswered = "chat.answered";
    public const string ChatFailed = "chat.failed";
    public const string ChatStopped = "chat.stopped";
    public const string ChatConversationCleared = "chat.conversation_cleared";
    public const string ChatConversationDeleted = "chat.conversation_deleted";

    public const string MemoryStored = "memory.stored";
    public const string MemoryUpdated = "memory.updated";
    public const string MemoryDeleted = "memory.deleted";
    public const string MemoryPruned = "memory.pruned";
    public const string MemoryReindexed = "memory.reindexed";

    public const string PaymentInvoiceCreated = "payment.invoice_created";
    public const string PaymentSettled = "payment.settled";
    public const string PaymentExpired = "payment.expired";
    public const string PaymentSent = "payment.sent";
    public const string PaymentFailed = "payment.failed";
    public const string PaymentDrift = "payment.drift";
    public const string PaymentBudgetChanged = "payment.budget_changed";
    public const string PaymentTokenRevoked = "payment.token_revoked";

    public const string UpgradeRunStarted = "upgrade.run_started";
    public const string UpgradeRunProgress = "upgrade.run_progress";
    public const string UpgradeRunFinished = "upgrade.run_finished";
    public const string UpgradeProposed = "upgrade.proposed";
    public const string UpgradeApproved = "upgrade.approved";
    public const string UpgradeRejected = "upgrade.rejected";
    public const string UpgradeExpired = "upgrade.expired";
    public const string UpgradeApplying = "upgrade.applying";
    public const string UpgradeApplied = "upgrade.applied";
    public const string UpgradeFailed = "upgrade.failed";
    public const string UpgradeRolledBack = "upgrade.rolled_back";

    /// <summary>Every known type, in catalogue order.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        TaskCreated, TaskBidding, TaskAssigned, TaskStarted, TaskCompleted, TaskFailed, TaskCancelled,
        AgentJoined, AgentLeft, AgentStatusChanged,
        BidSubmitted, BidDeclined, AuctionClosed,
        ToolCalled, ToolCompleted, ToolFailed,
        SystemError, SystemWarning, SystemInfo,
        ProviderCircuitOpened, ProviderCircuitHalfOpened, ProviderCircuitClosed, ProviderFallback,
        ProviderEnabled, ProviderDisabled, ProviderProbed,
        AuthSignedIn, AuthSignInFailed, AuthTokenCreated, AuthTokenRevoked,
        ChatAnswered, ChatFailed, ChatStopped, ChatConversationCleared, ChatConversationDeleted,
        MemoryStored, MemoryUpdated, MemoryDeleted, MemoryPruned, MemoryReindexed,
        PaymentInvoiceCreated, PaymentSettled, PaymentExpired, PaymentSent, PaymentFailed, PaymentDrift,
        PaymentBudgetChanged, PaymentTokenRevoked,
        UpgradeRunStarted, UpgradeRunProgress, UpgradeRunFinished, UpgradeProposed, UpgradeApproved, UpgradeRejected,
        UpgradeExpired, UpgradeApplying, UpgradeApplied, UpgradeFailed, UpgradeRolledBack,
    ];

    private static readonly HashSet<string> Known = new(All, StringComparer.Ordinal);

    /// <summary>Categories (the part before the dot) of known types, plus the ones later features own.</summary>
    public static IReadOnlyList<string> Categories { get; } =
        All.Select(t => t[..t.IndexOf('.')]).Concat(["upgrade", "payment", "memory", "chat"]).Distinct().ToArray();

    /// <summary>Categories whose events only Timmy itself logs: the API refuses them, so an event of these kinds in the
    /// log was written by the product, not posted. A feature that starts emitting a category adds it here — task, bid,
    /// auction, agent and tool are the swarm's own record of its work; a client describing outside work posts system.*
    /// events instead.</summary>
    public static IReadOnlyList<string> ReservedCategories { get; } =
        ["auth", "provider", "chat", "memory", "payment", "upgrade", "task", "bid", "auction", "agent", "tool"];

    /// <summary>The reserved category <paramref name="eventType"/> belongs to, or null when anyone with
    /// <c>events:write</c> may log it.</summary>
    public static string? ReservedCategoryOf(string eventType)
    {
        var dot = eventType.IndexOf('.');
        var category = dot < 0 ? eventType : eventType[..dot];
        return ReservedCategories.Contains(category, StringComparer.Ordinal) ? category : null;
    }

    public static bool IsKnown(string? eventType) => eventType is not null && Known.Contains(eventType);
}
