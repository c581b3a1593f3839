using System.Text.Json;
using Dapper;
using Timmy.Core.Events;
using Timmy.Core.Storage;

namespace Timmy.Core.Swarm.Agents;

/// <summary>The <c>agents</c> and <c>agent_earnings</c> tables (migration M0006) in SQLite, through Dapper.</summary>
public sealed class SqliteAgentStore(IDbConnectionFactory connections, IEventLog events, TimeProvider time) : IAgentStore
{
    private const string Columns = """
        id AS Id, name AS Name, status AS Status, capabilities AS Capabilities, registered_at AS RegisteredAt,
        last_seen AS LastSeen, kind AS Kind, persona_id AS PersonaId, autostart AS Autostart, token_id AS TokenId
        """;

    public async Task<SwarmAgent> RegisterAsync(AgentRegistration registration, Func<SwarmAgent, EventDraft> logged, CancellationToken cancellationToken = default)
    {
        var now = Timestamps.Format(time.GetUtcNow());
        await using var transaction = await connections.BeginWriteAsync(cancellationToken: cancellationToken);
        var row = await transaction.Connection.QuerySingleAsync<AgentRow>(new CommandDefinition($"""
            INSERT INTO agents (id, name, status, capabilities, registered_at, last_seen, kind, persona_id, token_id)
            VALUES (@Id, @Name, 'idle', @capabilities, @now, @now, @Kind, @PersonaId, @TokenId)
            ON CONFLICT (id) DO UPDATE SET name = excluded.name, status = 'idle', capabilities = excluded.capabilities,
                last_seen = excluded.last_seen, kind = excluded.kind, persona_id = excluded.persona_id, token_id = excluded.token_id
            RETURNING {Columns}
            """, new
        {
            registration.Id, registration.Name, capabilities = JsonSerializer.Serialize(registration.Capabilities), now,
            registration.Kind, registration.PersonaId, registration.TokenId,
        }, transaction.Transaction, cancellationToken: cancellationToken));
        var agent = row.ToAgent();
        await events.AppendAsync(transaction, logged(agent), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return agent;
    }

    public async Task<SwarmAgent?> SetStatusAsync(string id, string status, Func<SwarmAgent, string, EventDraft> logged, CancellationToken cancellationToken = default)
    {
        await using var transaction = await connections.BeginWriteAsync(cancellationToken: cancellationToken);
        var agent = await SetStatusAsync(transaction, id, status, logged, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return agent;
    }

    public async Task<SwarmAgent?> SetStatusAsync(
        WriteTransaction transaction, string id, string status, Func<SwarmAgent, string, EventDraft> logged, CancellationToken cancellationToken = default)
    {
        var now = Timestamps.Format(time.GetUtcNow());
        var previous = await transaction.Connection.QuerySingleOrDefaultAsync<string>(new CommandDefinition(
            "SELECT status FROM agents WHERE id = @id", new { id }, transaction.Transaction, cancellationToken: cancellationToken));
        if (previous is null)
        {
            return null;
        }
        var row = await transaction.Connection.QuerySingleAsync<AgentRow>(new CommandDefinition(
            $"UPDATE agents SET status = @status, last_seen = @now WHERE id = @id RETURNING {Columns}", new { id, status, now },
            transaction.Transaction, cancellationToken: cancellationToken));
        var agent = row.ToAgent();
        if (previous != status)
        {
            await events.AppendAsync(transaction, logged(agent, previous), cancellationToken);
        }
        return agent;
    }

    public async Task<bool> TouchAsync(string id, CancellationToken cancellationToken = default)
    {
        await using var transaction = await connections.BeginWriteAsync(cancellationToken: cancellationToken);
        var touched = await transaction.Connection.ExecuteAsync(new CommandDefinition(
            "UPDATE agents SET last_seen = @now WHERE id = @id", new { id, now = Timestamps.Format(time.GetUtcNow()) }, transaction.Transaction,
            cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return touched > 0;
    }

    public async Task SetAutostartAsync(string id, bool autostart, CancellationToken cancellationToken = default)
    {
        await using var transaction = await connections.BeginWriteAsync(cancellationToken: cancellationToken);
        await transaction.Connection.ExecuteAsync(new CommandDefinition(
            "UPDATE agents SET autostart = @value WHERE id = @id", new { id, value = autostart ? 1 : 0 }, transaction.Transaction,
            cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<SwarmAgent?> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<AgentRow>(new CommandDefinition(
            $"SELECT {Columns} FROM agents WHERE id = @id", new { id }, cancellationToken: cancellationToken));
        return row?.ToAgent();
    }

    public async Task<IReadOnlyList<SwarmAgent>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<AgentRow>(new CommandDefinition($"""
            SELECT {Columns} FROM agents
            ORDER BY CASE WHEN id = 'timmy' THEN 0 WHEN kind = 'persona' THEN 1 ELSE 2 END, name
            """, cancellationToken: cancellationToken));
        return rows.Select(r => r.ToAgent()).ToList();
    }

    public async Task RecordEarningAsync(WriteTransaction transaction, string taskId, string agentId, long amountSats, CancellationToken cancellationToken = default)
    {
        await transaction.Connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO agent_earnings (task_id, agent_id, amount_sats, earned_at) VALUES (@taskId, @agentId, @amountSats, @now)
            ON CONFLICT (task_id) DO NOTHING
            """, new { taskId, agentId, amountSats, now = Timestamps.Format(time.GetUtcNow()) }, transaction.Transaction,
            cancellationToken: cancellationToken));
    }

    public async Task<IReadOnlyDictionary<string, AgentStats>> StatsAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<StatsRow>(new CommandDefinition("""
            SELECT a.id AS AgentId,
                (SELECT COUNT(*) FROM tasks t WHERE t.assigned_agent = a.id) AS TasksWon,
                (SELECT COUNT(*) FROM tasks t WHERE t.assigned_agent = a.id AND t.status = 'completed') AS TasksCompleted,
                (SELECT COUNT(*) FROM tasks t WHERE t.assigned_agent = a.id AND t.status = 'failed') AS TasksFailed,
                (SELECT COALESCE(SUM(e.amount_sats), 0) FROM agent_earnings e WHERE e.agent_id = a.id) AS SatsEarned
            FROM agents a
            """, cancellationToken: cancellationToken));
        return rows.ToDictionary(r => r.AgentId, r => new AgentStats(r.AgentId, r.TasksWon, r.TasksCompleted, r.TasksFailed, r.SatsEarned));
    }

    // Settable properties: the counts are expression columns, which Dapper cannot match to a constructor by type.
    private sealed class StatsRow
    {
        public string AgentId { get; init; } = "";
        public long TasksWon { get; init; }
        public long TasksCompleted { get; init; }
        public long TasksFailed { get; init; }
        public long SatsEarned { get; init; }
    }

    private sealed record AgentRow(
        string Id, string Name, string Status, string Capabilities, string RegisteredAt, string LastSeen, string Kind, string? PersonaId,
        long Autostart, string? TokenId)
    {
        public SwarmAgent ToAgent() => new(
            Id, Name, Status, JsonSerializer.Deserialize<List<string>>(Capabilities) ?? [], Timestamps.Parse(RegisteredAt), Timestamps.Parse(LastSeen),
            Kind, PersonaId, Autostart != 0, TokenId);
    }
}
