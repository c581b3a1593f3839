namespace Timmy.Core.Storage.Migrations;

/// <summary>The swarm: tasks and their bids, the agents that bid on them, what each agent earned, and the personas'
/// bid outcomes the learner reads back after a restart. A task's status only moves along
/// <c>Swarm.Tasks.TaskStateMachine</c>; the stores check it in each UPDATE's WHERE clause. One live bid per agent and
/// task is a unique index, which is also the index a new bid uses to retire the agent's earlier one.</summary>
internal static class M0006_Swarm
{
    public static readonly Migration Migration = new(6, "swarm", """
        CREATE TABLE tasks (
            id               TEXT    PRIMARY KEY,
            description      TEXT    NOT NULL,
            status           TEXT    NOT NULL CHECK (status IN ('pending', 'bidding', 'assigned', 'running', 'completed', 'failed', 'cancelled')),
            assigned_agent   TEXT    NULL,
            result           TEXT    NULL,
            created_at       TEXT    NOT NULL,
            completed_at     TEXT    NULL,
            max_bid_sats     INTEGER NOT NULL CHECK (max_bid_sats > 0),
            winning_bid_sats INTEGER NULL,
            error            TEXT    NULL,
            started_at       TEXT    NULL,
            parent_task_id   TEXT    NULL REFERENCES tasks (id),
            reposted_from    TEXT    NULL REFERENCES tasks (id),
            posted_by        TEXT    NOT NULL,
            auction_closes_at TEXT   NULL,
            routing_scores   TEXT    NULL
        );
        CREATE INDEX ix_tasks_created ON tasks (created_at, id);
        CREATE INDEX ix_tasks_status ON tasks (status, created_at);
        CREATE INDEX ix_tasks_agent ON tasks (assigned_agent, created_at);
        CREATE INDEX ix_tasks_parent ON tasks (parent_task_id);

        CREATE TABLE bids (
            id           INTEGER PRIMARY KEY AUTOINCREMENT,
            task_id      TEXT    NOT NULL REFERENCES tasks (id),
            agent_id     TEXT    NOT NULL,
            amount_sats  INTEGER NOT NULL CHECK (amount_sats > 0),
            submitted_at TEXT    NOT NULL,
            replaced     INTEGER NOT NULL DEFAULT 0 CHECK (replaced IN (0, 1)),
            won          INTEGER NOT NULL DEFAULT 0 CHECK (won IN (0, 1))
        );
        CREATE INDEX ix_bids_task ON bids (task_id, id);
        CREATE UNIQUE INDEX ux_bids_live ON bids (task_id, agent_id) WHERE replaced = 0;

        CREATE TABLE agents (
            id            TEXT    PRIMARY KEY,
            name          TEXT    NOT NULL,
            status        TEXT    NOT NULL CHECK (status IN ('idle', 'busy', 'offline')),
            capabilities  TEXT    NOT NULL DEFAULT '[]',
            registered_at TEXT    NOT NULL,
            last_seen     TEXT    NOT NULL,
            kind          TEXT    NOT NULL CHECK (kind IN ('persona', 'remote')),
            persona_id    TEXT    NULL,
            autostart     INTEGER NOT NULL DEFAULT 0 CHECK (autostart IN (0, 1)),
            token_id      TEXT    NULL
        );

        CREATE TABLE agent_earnings (
            task_id     TEXT    PRIMARY KEY REFERENCES tasks (id),
            agent_id    TEXT    NOT NULL,
            amount_sats INTEGER NOT NULL CHECK (amount_sats > 0),
            earned_at   TEXT    NOT NULL
        );
        CREATE INDEX ix_agent_earnings_agent ON agent_earnings (agent_id);

        CREATE TABLE persona_outcomes (
            persona_id  TEXT    NOT NULL,
            task_id     TEXT    NOT NULL,
            keywords    TEXT    NOT NULL DEFAULT '[]',
            bid_sats    INTEGER NOT NULL,
            won         INTEGER NOT NULL DEFAULT 0 CHECK (won IN (0, 1)),
            succeeded   INTEGER NULL CHECK (succeeded IN (0, 1)),
            recorded_at TEXT    NOT NULL,
            PRIMARY KEY (persona_id, task_id)
        );
        CREATE INDEX ix_persona_outcomes_recorded ON persona_outcomes (persona_id, recorded_at);
        """);
}
