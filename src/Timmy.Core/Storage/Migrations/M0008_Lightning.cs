namespace Timmy.Core.Storage.Migrations;

/// <summary>Lightning: the spec's <c>ledger</c> (one row per invoice issued or paid, keyed by payment hash), agents'
/// spending budgets, L402 tokens (the root key of each stays here, never in the token), and the simulated node's own
/// books (its key, the invoices it issued and the payments it made), so a restart forgets nothing the ledger asks it
/// about. A ledger row only moves along <c>Lightning.Ledger.LedgerStateMachine</c> (pending → settled | failed |
/// expired); the triggers refuse the same in SQL: nothing leaves a final state, and a recorded preimage or fee is
/// never changed. <c>tasks.funding_hash</c> is the payment hash of a task's funding invoice, when its poster funds it.</summary>
internal static class M0008_Lightning
{
    public static readonly Migration Migration = new(8, "lightning", """
        CREATE TABLE ledger (
            id             TEXT    PRIMARY KEY,
            tx_type        TEXT    NOT NULL CHECK (tx_type IN ('incoming', 'outgoing')),
            status         TEXT    NOT NULL CHECK (status IN ('pending', 'settled', 'failed', 'expired')),
            payment_hash   TEXT    NOT NULL UNIQUE CHECK (length(payment_hash) = 64),
            amount_sats    INTEGER NOT NULL CHECK (amount_sats >= 0),
            amount_msat    INTEGER NOT NULL CHECK (amount_msat >= 0),
            memo           TEXT    NULL,
            invoice        TEXT    NULL,
            preimage       TEXT    NULL CHECK (preimage IS NULL OR length(preimage) = 64),
            source         TEXT    NOT NULL,
            task_id        TEXT    NULL,
            agent_id       TEXT    NULL,
            created_at     TEXT    NOT NULL,
            settled_at     TEXT    NULL,
            fee_sats       INTEGER NOT NULL DEFAULT 0 CHECK (fee_sats >= 0),
            max_fee_sats   INTEGER NULL CHECK (max_fee_sats IS NULL OR max_fee_sats >= 0),
            expires_at     TEXT    NULL,
            updated_at     TEXT    NOT NULL,
            failure_reason TEXT    NULL,
            CHECK (status <> 'settled' OR settled_at IS NOT NULL),
            CHECK (tx_type = 'outgoing' OR max_fee_sats IS NULL)
        );
        CREATE INDEX ix_ledger_created ON ledger (created_at, id);
        CREATE INDEX ix_ledger_status ON ledger (status, tx_type);
        CREATE INDEX ix_ledger_task ON ledger (task_id) WHERE task_id IS NOT NULL;
        CREATE INDEX ix_ledger_agent ON ledger (agent_id, tx_type, created_at) WHERE agent_id IS NOT NULL;

        CREATE TRIGGER tr_ledger_final BEFORE UPDATE OF status ON ledger
        WHEN OLD.status <> 'pending' AND NEW.status <> OLD.status
        BEGIN SELECT RAISE(ABORT, 'ledger entry is final'); END;

        CREATE TRIGGER tr_ledger_keep_proof BEFORE UPDATE ON ledger
        WHEN (OLD.preimage IS NOT NULL AND NEW.preimage IS NOT OLD.preimage)
          OR (OLD.status = 'settled' AND (NEW.fee_sats <> OLD.fee_sats OR NEW.settled_at IS NOT OLD.settled_at))
          OR NEW.payment_hash <> OLD.payment_hash OR NEW.tx_type <> OLD.tx_type
        BEGIN SELECT RAISE(ABORT, 'ledger proof is permanent'); END;

        -- Running sums kept by triggers in the writing transaction, so the balance and the daily chart read a few
        -- rows however long the ledger grows.
        CREATE TABLE ledger_totals (
            tx_type     TEXT    NOT NULL,
            status      TEXT    NOT NULL,
            entries     INTEGER NOT NULL,
            amount_sats INTEGER NOT NULL,
            fee_sats    INTEGER NOT NULL,
            PRIMARY KEY (tx_type, status)
        ) WITHOUT ROWID;
        CREATE TABLE ledger_daily (
            day         TEXT    NOT NULL,
            tx_type     TEXT    NOT NULL,
            status      TEXT    NOT NULL,
            entries     INTEGER NOT NULL,
            amount_sats INTEGER NOT NULL,
            fee_sats    INTEGER NOT NULL,
            PRIMARY KEY (day, tx_type, status)
        ) WITHOUT ROWID;

        CREATE TRIGGER tr_ledger_totals_insert AFTER INSERT ON ledger
        BEGIN
            INSERT INTO ledger_totals VALUES (NEW.tx_type, NEW.status, 1, NEW.amount_sats, NEW.fee_sats)
            ON CONFLICT (tx_type, status) DO UPDATE SET entries = entries + 1,
                amount_sats = amount_sats + excluded.amount_sats, fee_sats = fee_sats + excluded.fee_sats;
            INSERT INTO ledger_daily VALUES (substr(NEW.created_at, 1, 10), NEW.tx_type, NEW.status, 1, NEW.amount_sats, NEW.fee_sats)
            ON CONFLICT (day, tx_type, status) DO UPDATE SET entries = entries + 1,
                amount_sats = amount_sats + excluded.amount_sats, fee_sats = fee_sats + excluded.fee_sats;
        END;

        CREATE TRIGGER tr_ledger_totals_update AFTER UPDATE OF status, fee_sats ON ledger
        BEGIN
            UPDATE ledger_totals SET entries = entries - 1, amount_sats = amount_sats - OLD.amount_sats, fee_sats = fee_sats - OLD.fee_sats
            WHERE tx_type = OLD.tx_type AND status = OLD.status;
            INSERT INTO ledger_totals VALUES (NEW.tx_type, NEW.status, 1, NEW.amount_sats, NEW.fee_sats)
            ON CONFLICT (tx_type, status) DO UPDATE SET entries = entries + 1,
                amount_sats = amount_sats + excluded.amount_sats, fee_sats = fee_sats + excluded.fee_sats;
            UPDATE ledger_daily SET entries = entries - 1, amount_sats = amount_sats - OLD.amount_sats, fee_sats = fee_sats - OLD.fee_sats
            WHERE day = substr(OLD.created_at, 1, 10) AND tx_type = OLD.tx_type AND status = OLD.status;
            INSERT INTO ledger_daily VALUES (substr(NEW.created_at, 1, 10), NEW.tx_type, NEW.status, 1, NEW.amount_sats, NEW.fee_sats)
            ON CONFLICT (day, tx_type, status) DO UPDATE SET entries = entries + 1,
                amount_sats = amount_sats + excluded.amount_sats, fee_sats = fee_sats + excluded.fee_sats;
        END;

        CREATE TABLE lightning_budgets (
            agent_id   TEXT    PRIMARY KEY,
            max_sats   INTEGER NOT NULL CHECK (max_sats >= 0),
            period     TEXT    NOT NULL CHECK (period IN ('daily', 'weekly', 'monthly', 'never')),
            created_at TEXT    NOT NULL,
            updated_at TEXT    NOT NULL
        );

        CREATE TABLE l402_tokens (
            token_id     TEXT    PRIMARY KEY CHECK (length(token_id) = 64),
            payment_hash TEXT    NOT NULL UNIQUE CHECK (length(payment_hash) = 64),
            root_key     BLOB    NOT NULL CHECK (length(root_key) = 32),
            service      TEXT    NOT NULL,
            tier         TEXT    NOT NULL,
            capabilities TEXT    NOT NULL,
            price_sats   INTEGER NOT NULL CHECK (price_sats > 0),
            tokens_allowed INTEGER NULL CHECK (tokens_allowed IS NULL OR tokens_allowed > 0),
            tokens_used  INTEGER NOT NULL DEFAULT 0 CHECK (tokens_used >= 0),
            client       TEXT    NULL,
            created_at   TEXT    NOT NULL,
            expires_at   TEXT    NOT NULL,
            revoked_at   TEXT    NULL,
            last_used_at TEXT    NULL,
            uses         INTEGER NOT NULL DEFAULT 0
        );
        CREATE INDEX ix_l402_tokens_created ON l402_tokens (created_at);

        CREATE TABLE simnode_keys (
            node_name   TEXT PRIMARY KEY,
            private_key TEXT NOT NULL CHECK (length(private_key) = 64),
            created_at  TEXT NOT NULL
        );

        CREATE TABLE simnode_invoices (
            payment_hash     TEXT    PRIMARY KEY CHECK (length(payment_hash) = 64),
            node_name        TEXT    NOT NULL,
            bolt11           TEXT    NOT NULL,
            preimage         TEXT    NOT NULL CHECK (length(preimage) = 64),
            amount_msat      INTEGER NOT NULL CHECK (amount_msat >= 0),
            memo             TEXT    NULL,
            state            TEXT    NOT NULL CHECK (state IN ('open', 'settled', 'cancelled')),
            created_at       TEXT    NOT NULL,
            expires_at       TEXT    NOT NULL,
            settled_at       TEXT    NULL,
            amount_paid_msat INTEGER NULL
        );
        CREATE INDEX ix_simnode_invoices_node ON simnode_invoices (node_name, created_at);

        CREATE TABLE simnode_payments (
            node_name      TEXT    NOT NULL,
            payment_hash   TEXT    NOT NULL CHECK (length(payment_hash) = 64),
            bolt11         TEXT    NOT NULL,
            state          TEXT    NOT NULL CHECK (state IN ('pending', 'succeeded', 'failed')),
            amount_msat    INTEGER NOT NULL CHECK (amount_msat >= 0),
            fee_msat       INTEGER NOT NULL DEFAULT 0,
            preimage       TEXT    NULL,
            failure_reason TEXT    NULL,
            created_at     TEXT    NOT NULL,
            completed_at   TEXT    NULL,
            PRIMARY KEY (node_name, payment_hash)
        );

        ALTER TABLE tasks ADD COLUMN funding_hash TEXT NULL;
        """);
}
