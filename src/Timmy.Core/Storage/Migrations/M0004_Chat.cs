namespace Timmy.Core.Storage.Migrations;

/// <summary>Timmy's chat sessions: one row per conversation, its turns in order. Deleting a conversation
/// deletes its messages (foreign key cascade).</summary>
internal static class M0004_Chat
{
    public static readonly Migration Migration = new(4, "chat", """
        CREATE TABLE conversations (
            id         TEXT PRIMARY KEY,
            title      TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        CREATE INDEX ix_conversations_updated_at ON conversations (updated_at);
        CREATE TABLE messages (
            id              INTEGER PRIMARY KEY AUTOINCREMENT,
            conversation_id TEXT    NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
            role            TEXT    NOT NULL CHECK (role IN ('user', 'assistant', 'error')),
            content         TEXT    NOT NULL,
            provider        TEXT    NULL,
            model           TEXT    NULL,
            fallback_used   INTEGER NOT NULL DEFAULT 0 CHECK (fallback_used IN (0, 1)),
            latency_ms      REAL    NULL,
            created_at      TEXT    NOT NULL
        );
        CREATE INDEX ix_messages_conversation ON messages (conversation_id, id);
        """);
}
