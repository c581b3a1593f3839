namespace Timmy.Core.Storage.Migrations;

/// <summary>Semantic memory: one row per entry with its embedding as a float32 blob (little-endian, <c>dimensions</c>
/// floats) and the id of the embedder that made it, or neither while it waits for one. <c>seq</c> is the integer key
/// the FTS5 index (external content, Porter-stemmed) points at; triggers keep that index in step inside the writing
/// transaction. <c>id</c> is the entry's public, time-sortable id. A chat answer keeps the entries it was given with
/// (<c>messages.remembered</c>, a JSON array), so the conversation shows them again when it is reopened.</summary>
internal static class M0007_Memory
{
    public static readonly Migration Migration = new(7, "memory", """
        CREATE TABLE memory_entries (
            seq          INTEGER PRIMARY KEY AUTOINCREMENT,
            id           TEXT    NOT NULL UNIQUE,
            content      TEXT    NOT NULL CHECK (length(content) > 0),
            source       TEXT    NOT NULL,
            context_type TEXT    NOT NULL CHECK (context_type IN ('conversation', 'fact', 'document')),
            agent_id     TEXT    NULL,
            task_id      TEXT    NULL,
            session_id   TEXT    NULL,
            metadata     TEXT    NOT NULL DEFAULT '{}' CHECK (json_valid(metadata) AND json_type(metadata) = 'object'),
            shared       INTEGER NOT NULL DEFAULT 0 CHECK (shared IN (0, 1)),
            embedding    BLOB    NULL,
            embedder     TEXT    NULL,
            dimensions   INTEGER NULL,
            timestamp    TEXT    NOT NULL,
            updated_at   TEXT    NULL,
            CHECK ((embedding IS NULL) = (embedder IS NULL) AND (embedding IS NULL) = (dimensions IS NULL)),
            CHECK (embedding IS NULL OR length(embedding) = 4 * dimensions)
        );
        CREATE INDEX ix_memory_entries_type_time ON memory_entries (context_type, timestamp);
        CREATE INDEX ix_memory_entries_agent ON memory_entries (agent_id, id);
        CREATE INDEX ix_memory_entries_session ON memory_entries (session_id) WHERE session_id IS NOT NULL;
        CREATE INDEX ix_memory_entries_task ON memory_entries (task_id) WHERE task_id IS NOT NULL;
        CREATE INDEX ix_memory_entries_embedder ON memory_entries (embedder);
        CREATE INDEX ix_memory_entries_time ON memory_entries (timestamp);

        CREATE VIRTUAL TABLE memory_fts USING fts5(
            content, content = 'memory_entries', content_rowid = 'seq', tokenize = 'porter unicode61 remove_diacritics 2');
        CREATE TRIGGER memory_entries_fts_insert AFTER INSERT ON memory_entries BEGIN
            INSERT INTO memory_fts (rowid, content) VALUES (new.seq, new.content);
        END;
        CREATE TRIGGER memory_entries_fts_delete AFTER DELETE ON memory_entries BEGIN
            INSERT INTO memory_fts (memory_fts, rowid, content) VALUES ('delete', old.seq, old.content);
        END;
        CREATE TRIGGER memory_entries_fts_update AFTER UPDATE OF content ON memory_entries BEGIN
            INSERT INTO memory_fts (memory_fts, rowid, content) VALUES ('delete', old.seq, old.content);
            INSERT INTO memory_fts (rowid, content) VALUES (new.seq, new.content);
        END;

        ALTER TABLE messages ADD COLUMN remembered TEXT NULL CHECK (remembered IS NULL OR json_valid(remembered));
        """);
}
