namespace Timmy.Core.Storage.Migrations;

/// <summary>Sign-in: the owner's password hash (one row) and the owner's scoped API tokens
/// (only a SHA-256 of each token is kept).</summary>
internal static class M0002_Auth
{
    public static readonly Migration Migration = new(2, "auth", """
        CREATE TABLE owner_credentials (
            id            INTEGER PRIMARY KEY CHECK (id = 1),
            password_hash TEXT NOT NULL,
            updated_at    TEXT NOT NULL
        );
        CREATE TABLE api_tokens (
            id           TEXT PRIMARY KEY,
            name         TEXT NOT NULL,
            token_hash   TEXT NOT NULL UNIQUE,
            prefix       TEXT NOT NULL,
            scopes       TEXT NOT NULL,
            created_at   TEXT NOT NULL,
            last_used_at TEXT NULL,
            revoked_at   TEXT NULL
        );
        """);
}
