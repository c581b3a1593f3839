namespace Timmy.Core.Security;

/// <summary>What an API token may do. The signed-in owner (cookie) holds <see cref="All"/>.</summary>
public static class ApiScopes
{
    public const string All = "*";
    public const string EventsRead = "events:read";
    public const string EventsWrite = "events:write";
    public const string RouterRead = "router:read";
    public const string RouterControl = "router:control";
    public const string Chat = "chat";
    public const string TokensManage = "tokens:manage";
    public const string SwarmRead = "swarm:read";
    public const string SwarmWrite = "swarm:write";
    public const string AgentsRemote = "agents:remote";
    public const string MemoryRead = "memory:read";
    public const string MemoryWrite = "memory:write";
    public const string LightningRead = "lightning:read";
    public const string LightningPay = "lightning:pay";
    public const string UpgradesRead = "upgrades:read";
    public const string UpgradesApprove = "upgrades:approve";

    /// <summary>Every scope a token can be given, with a one-line description for the token form.</summary>
    public static IReadOnlyList<(string Scope, string Description)> Catalogue { get; } =
    [
        (EventsRead, "read the event log and subscribe to the live feed"),
        (EventsWrite, "log events"),
        (RouterRead, "read LLM router status and metrics"),
        (RouterControl, "enable, disable, reset and probe LLM providers; run completions"),
        (Chat, "talk to Timmy"),
        (SwarmRead, "read the swarm's tasks, bids, agents and personas"),
        (SwarmWrite, "post, cancel and re-post tasks; spawn and stop personas"),
        (MemoryRead, "search and read Timmy's memory: conversations, facts, documents, stats"),
        (MemoryWrite, "store, edit and delete memories and documents; prune and re-embed"),
        (LightningRead, "read the Lightning ledger, balance, budgets and node status; decode invoices"),
        (LightningPay, "create invoices, pay invoices, set budgets, revoke L402 tokens"),
        (UpgradesRead, "read the upgrade queue: proposals, diffs, test output, history"),
        (UpgradesApprove, "run the self-modify loop; approve (with the password or PIN), reject, apply and roll back upgrades"),
        (AgentsRemote, "join the swarm as a remote agent: register, heartbeat, bid, report results"),
        (TokensManage, "create and revoke API tokens (of any scope: as powerful as *)"),
        (All, "everything the owner can do"),
    ];

    public static bool IsKnown(string scope) => Catalogue.Any(c => c.Scope == scope);
}
