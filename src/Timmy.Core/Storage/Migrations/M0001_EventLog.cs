namespace Timmy.Core.Storage.Migrations;

/// <summary>ADR-017: the audit trail. <c>id</c> is the log's commit sequence, so "events after id N"
/// is exactly what a reconnecting client missed.</summary>
internal static class M0001_EventLog
{
    public static readonly Migration Migration = new(1, "event_log", """
        CREATE TABLE event_log (
            id         INTEGER PRIMARY KEY AUTOINCREMENT,
            event_type TEXT NOT NULL,
            source     TEXT NOT NULL,
            task_id    TEXT NULL,
            agent_id   TEXT NULL,
            data       TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(data)),
            timestamp  TEXT NOT NULL
        );
        CREATE INDEX ix_event_log_task_id    ON event_log(task_id)    WHERE task_id IS NOT NULL;
        CREATE INDEX ix_event_log_agent_id   ON event_log(agent_id)   WHERE agent_id IS NOT NULL;
        CREATE INDEX ix_event_log_event_type ON event_log(event_type);
        CREATE INDEX ix_event_log_timestamp  ON event_log(timestamp);
        """);
}
