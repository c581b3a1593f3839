using Dapper;
using Timmy.Core.Storage;

namespace Timmy.Core.Lightning.Budgets;

/// <summary>The <c>lightning_budgets</c> table (migration M0008) in SQLite, through Dapper.</summary>
public sealed class SqliteBudgetStore(IDbConnectionFactory connections, TimeProvider time) : IBudgetStore
{
    private const string Columns = "agent_id AS AgentId, max_sats AS MaxSats, period AS Period, created_at AS CreatedAt, updated_at AS UpdatedAt";

    public async Task<AgentBudget?> GetAsync(string agentId, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            $"SELECT {Columns} FROM lightning_budgets WHERE agent_id = @agentId", new { agentId }, cancellationToken: cancellationToken));
        return row?.ToBudget();
    }

    public async Task<AgentBudget?> GetAsync(WriteTransaction transaction, string agentId, CancellationToken cancellationToken = default)
    {
        var row = await transaction.Connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            $"SELECT {Columns} FROM lightning_budgets WHERE agent_id = @agentId", new { agentId }, transaction.Transaction,
            cancellationToken: cancellationToken));
        return row?.ToBudget();
    }

    public async Task<IReadOnlyList<AgentBudget>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            $"SELECT {Columns} FROM lightning_budgets ORDER BY agent_id", cancellationToken: cancellationToken));
        return rows.Select(r => r.ToBudget()).ToList();
    }

    public async Task<AgentBudget> SetAsync(WriteTransaction transaction, string agentId, long maxSats, string period, CancellationToken cancellationToken = default)
    {
        var now = Timestamps.Format(time.GetUtcNow());
        var row = await transaction.Connection.QuerySingleAsync<Row>(new CommandDefinition($"""
            INSERT INTO lightning_budgets (agent_id, max_sats, period, created_at, updated_at) VALUES (@agentId, @maxSats, @period, @now, @now)
            ON CONFLICT (agent_id) DO UPDATE SET max_sats = excluded.max_sats, period = excluded.period, updated_at = excluded.updated_at
            RETURNING {Columns}
            """, new { agentId, maxSats, period, now }, transaction.Transaction, cancellationToken: cancellationToken));
        return row.ToBudget();
    }

    public async Task<bool> RemoveAsync(WriteTransaction transaction, string agentId, CancellationToken cancellationToken = default) =>
        await transaction.Connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM lightning_budgets WHERE agent_id = @agentId", new { agentId }, transaction.Transaction, cancellationToken: cancellationToken)) > 0;

    private sealed class Row
    {
        public string AgentId { get; set; } = "";
        public long MaxSats { get; set; }
        public string Period { get; set; } = "";
        public string CreatedAt { get; set; } = "";
        public string UpdatedAt { get; set; } = "";

        public AgentBudget ToBudget() => new(AgentId, MaxSats, Period, Timestamps.Parse(CreatedAt), Timestamps.Parse(UpdatedAt));
    }
}
