namespace Timmy.Core.Storage.Migrations;

/// <summary>Makes the event log tamper-evident and says who wrote each event. <c>actor</c> is set by the server
/// (an API token, the owner), never by a request body. <c>prev_hash</c> and <c>hash</c> chain each event to the one
/// before it (see <c>Events/EventChain</c>). The one-row <c>event_chain_anchor</c> holds where the chain starts: at
/// first the last event logged before this migration (those rows carry no hash), later the last pruned event.</summary>
internal static class M0005_EventChain
{
    public static readonly Migration Migration = new(5, "event_chain", """
        ALTER TABLE event_log ADD COLUMN actor     TEXT NULL;
        ALTER TABLE event_log ADD COLUMN prev_hash TEXT NULL;
        ALTER TABLE event_log ADD COLUMN hash      TEXT NULL;
        CREATE TABLE event_chain_anchor (
            singleton INTEGER PRIMARY KEY CHECK (singleton = 1),
            last_id   INTEGER NOT NULL,
            last_hash TEXT    NOT NULL,
            reason    TEXT    NOT NULL CHECK (reason IN ('chain_start', 'pruned'))
        );
        INSERT INTO event_chain_anchor (singleton, last_id, last_hash, reason)
        VALUES (1, COALESCE((SELECT MAX(id) FROM event_log), 0),
                '0000000000000000000000000000000000000000000000000000000000000000', 'chain_start');
        """);
}
