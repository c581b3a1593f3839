namespace Timmy.Core.Storage.Migrations;

/// <summary>The spec's <c>upgrades</c> table: the self-modify loop's proposals and the owner's decisions about them, with
/// what binds a decision to git (the base commit, the branch's commit and the SHA-256 of its diff; the target's head
/// before apply and the commit apply made). An upgrade only moves along <c>Upgrades.UpgradeStateMachine</c>
/// (proposed → approved | rejected | expired; approved → applied | failed; applied → rolled_back); the triggers refuse
/// every other move in SQL, a row born in any state but proposed, any change to the diff it was proposed with, any
/// change to a row in a final state, and a second start of an apply.</summary>
internal static class M0009_Upgrades
{
    public static readonly Migration Migration = new(9, "upgrades", """
        CREATE TABLE upgrades (
            id               TEXT    PRIMARY KEY,
            status           TEXT    NOT NULL CHECK (status IN ('proposed', 'approved', 'rejected', 'expired', 'applied', 'failed', 'rolled_back')),
            instruction      TEXT    NOT NULL,
            description      TEXT    NOT NULL,
            repository       TEXT    NOT NULL,
            target_branch    TEXT    NOT NULL,
            branch_name      TEXT    NOT NULL,
            base_commit      TEXT    NOT NULL,
            branch_commit    TEXT    NOT NULL,
            files_changed    TEXT    NOT NULL,
            lines_added      INTEGER NOT NULL CHECK (lines_added >= 0),
            lines_removed    INTEGER NOT NULL CHECK (lines_removed >= 0),
            diff_preview     TEXT    NOT NULL,
            diff             TEXT    NOT NULL,
            diff_sha256      TEXT    NOT NULL CHECK (length(diff_sha256) = 64),
            test_results     TEXT    NULL,
            worktree_path    TEXT    NULL,
            proposed_at      TEXT    NOT NULL,
            approved_at      TEXT    NULL,
            approved_by      TEXT    NULL,
            apply_started_at TEXT    NULL,
            applied_at       TEXT    NULL,
            previous_head    TEXT    NULL,
            applied_commit   TEXT    NULL,
            rejected_at      TEXT    NULL,
            rejected_by      TEXT    NULL,
            finished_at      TEXT    NULL,
            rollback_commit  TEXT    NULL,
            error_message    TEXT    NULL,
            updated_at       TEXT    NOT NULL,
            CHECK (status NOT IN ('approved', 'applied', 'rolled_back') OR (approved_at IS NOT NULL AND approved_by IS NOT NULL)),
            CHECK (status NOT IN ('applied', 'rolled_back') OR (applied_at IS NOT NULL AND applied_commit IS NOT NULL)),
            CHECK (status <> 'rolled_back' OR rollback_commit IS NOT NULL)
        );
        CREATE INDEX ix_upgrades_status ON upgrades (status, proposed_at);
        CREATE UNIQUE INDEX ux_upgrades_open_branch ON upgrades (repository, branch_name) WHERE status IN ('proposed', 'approved');

        CREATE TRIGGER tr_upgrades_born_proposed BEFORE INSERT ON upgrades
        WHEN NEW.status <> 'proposed'
        BEGIN SELECT RAISE(ABORT, 'an upgrade starts as proposed'); END;

        CREATE TRIGGER tr_upgrades_moves BEFORE UPDATE OF status ON upgrades
        WHEN NEW.status <> OLD.status AND NOT (
               (OLD.status = 'proposed' AND NEW.status IN ('approved', 'rejected', 'expired'))
            OR (OLD.status = 'approved' AND NEW.status IN ('applied', 'failed'))
            OR (OLD.status = 'applied' AND NEW.status = 'rolled_back'))
        BEGIN SELECT RAISE(ABORT, 'illegal upgrade transition'); END;

        CREATE TRIGGER tr_upgrades_keep_diff BEFORE UPDATE ON upgrades
        WHEN NEW.diff <> OLD.diff OR NEW.diff_sha256 <> OLD.diff_sha256 OR NEW.base_commit <> OLD.base_commit
          OR NEW.branch_commit <> OLD.branch_commit OR NEW.branch_name <> OLD.branch_name OR NEW.repository <> OLD.repository
          OR (OLD.approved_by IS NOT NULL AND NEW.approved_by IS NOT OLD.approved_by)
          OR (OLD.applied_commit IS NOT NULL AND NEW.applied_commit IS NOT OLD.applied_commit)
        BEGIN SELECT RAISE(ABORT, 'an upgrade''s diff and decisions are permanent'); END;

        CREATE TRIGGER tr_upgrades_final BEFORE UPDATE ON upgrades
        WHEN (OLD.status IN ('rejected', 'expired', 'failed', 'rolled_back') AND NEW.status = OLD.status)
          OR (OLD.apply_started_at IS NOT NULL AND NEW.apply_started_at IS NOT OLD.apply_started_at)
          OR (OLD.previous_head IS NOT NULL AND NEW.previous_head IS NOT OLD.previous_head)
        BEGIN SELECT RAISE(ABORT, 'a decided upgrade, or an apply once begun, is not rewritten'); END;
        """);
}
