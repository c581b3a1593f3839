namespace Timmy.Core.Storage.Migrations;

/// <summary>Cascade router (ADR-020): running totals per provider (spec: provider_metrics), a per-minute
/// history for charts, and the owner's enable/disable overrides.</summary>
internal static class M0003_ProviderMetrics
{
    public static readonly Migration Migration = new(3, "provider_metrics", """
        CREATE TABLE provider_metrics (
            provider        TEXT PRIMARY KEY,
            requests        INTEGER NOT NULL DEFAULT 0,
            successes       INTEGER NOT NULL DEFAULT 0,
            failures        INTEGER NOT NULL DEFAULT 0,
            latency_ms_sum  REAL    NOT NULL DEFAULT 0,
            latency_samples TEXT    NOT NULL DEFAULT '[]',
            ttft_ms_sum     REAL    NOT NULL DEFAULT 0,
            ttft_count      INTEGER NOT NULL DEFAULT 0,
            tokens_in       INTEGER NOT NULL DEFAULT 0,
            tokens_out      INTEGER NOT NULL DEFAULT 0,
            last_error      TEXT    NULL,
            last_error_at   TEXT    NULL,
            last_success_at TEXT    NULL,
            circuit_state   TEXT    NOT NULL DEFAULT 'closed',
            updated_at      TEXT    NOT NULL
        );
        CREATE TABLE provider_metrics_history (
            provider       TEXT    NOT NULL,
            minute         TEXT    NOT NULL,
            requests       INTEGER NOT NULL DEFAULT 0,
            successes      INTEGER NOT NULL DEFAULT 0,
            failures       INTEGER NOT NULL DEFAULT 0,
            latency_ms_sum REAL    NOT NULL DEFAULT 0,
            tokens_in      INTEGER NOT NULL DEFAULT 0,
            tokens_out     INTEGER NOT NULL DEFAULT 0,
            PRIMARY KEY (provider, minute)
        );
        CREATE INDEX ix_provider_metrics_history_minute ON provider_metrics_history (minute);
        CREATE TABLE provider_overrides (
            provider   TEXT PRIMARY KEY,
            enabled    INTEGER NOT NULL CHECK (enabled IN (0, 1)),
            updated_at TEXT NOT NULL
        );
        """);
}
