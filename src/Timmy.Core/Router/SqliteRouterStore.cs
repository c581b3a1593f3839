using System.Text.Json;
using Dapper;
using Timmy.Core.Router.Metrics;
using Timmy.Core.Storage;

namespace Timmy.Core.Router;

/// <summary>The router's tables (migration M0003) in SQLite, through Dapper.</summary>
public sealed class SqliteRouterStore(IDbConnectionFactory connections, TimeProvider time) : IRouterStore
{
    public async Task<IReadOnlyList<ProviderMetricsState>> LoadMetricsAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<MetricsRow>(new CommandDefinition("""
            SELECT provider, requests, successes, failures, latency_ms_sum AS LatencyMsSum, latency_samples AS LatencySamples,
                   ttft_ms_sum AS TtftMsSum, ttft_count AS TtftCount, tokens_in AS TokensIn, tokens_out AS TokensOut,
                   last_error AS LastError, last_error_at AS LastErrorAt, last_success_at AS LastSuccessAt, circuit_state AS CircuitState
            FROM provider_metrics
            """, cancellationToken: cancellationToken));
        return rows.Select(r => new ProviderMetricsState(r.Provider, r.Requests, r.Successes, r.Failures, r.LatencyMsSum,
            JsonSerializer.Deserialize<double[]>(r.LatencySamples) ?? [], r.TtftMsSum, r.TtftCount, r.TokensIn, r.TokensOut,
            r.LastError, ParseOrNull(r.LastErrorAt), ParseOrNull(r.LastSuccessAt), r.CircuitState)).ToList();
    }

    public async Task SaveMetricsAsync(IReadOnlyList<ProviderMetricsState> totals, IReadOnlyList<MinuteBucket> minutes, CancellationToken cancellationToken = default)
    {
        var now = Timestamps.Format(time.GetUtcNow());
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        foreach (var t in totals)
        {
            await connection.ExecuteAsync("""
                INSERT INTO provider_metrics (provider, requests, successes, failures, latency_ms_sum, latency_samples, ttft_ms_sum,
                    ttft_count, tokens_in, tokens_out, last_error, last_error_at, last_success_at, circuit_state, updated_at)
                VALUES (@Provider, @Requests, @Successes, @Failures, @LatencyMsSum, @Samples, @TtftMsSum,
                    @TtftCount, @TokensIn, @TokensOut, @LastError, @LastErrorAt, @LastSuccessAt, @CircuitState, @Now)
                ON CONFLICT (provider) DO UPDATE SET requests = excluded.requests, successes = excluded.successes,
                    failures = excluded.failures, latency_ms_sum = excluded.latency_ms_sum, latency_samples = excluded.latency_samples,
                    ttft_ms_sum = excluded.ttft_ms_sum, ttft_count = excluded.ttft_count, tokens_in = excluded.tokens_in,
                    tokens_out = excluded.tokens_out, last_error = excluded.last_error, last_error_at = excluded.last_error_at,
                    last_success_at = excluded.last_success_at, circuit_state = excluded.circuit_state, updated_at = excluded.updated_at
                """, new
            {
                t.Provider, t.Requests, t.Successes, t.Failures, t.LatencyMsSum, Samples = JsonSerializer.Serialize(t.LatencySamples),
                t.TtftMsSum, t.TtftCount, t.TokensIn, t.TokensOut, t.LastError, LastErrorAt = FormatOrNull(t.LastErrorAt),
                LastSuccessAt = FormatOrNull(t.LastSuccessAt), t.CircuitState, Now = now,
            }, transaction);
        }
        foreach (var m in minutes)
        {
            await connection.ExecuteAsync("""
                INSERT INTO provider_metrics_history (provider, minute, requests, successes, failures, latency_ms_sum, tokens_in, tokens_out)
                VALUES (@Provider, @Minute, @Requests, @Successes, @Failures, @LatencyMsSum, @TokensIn, @TokensOut)
                ON CONFLICT (provider, minute) DO UPDATE SET requests = requests + excluded.requests,
                    successes = successes + excluded.successes, failures = failures + excluded.failures,
                    latency_ms_sum = latency_ms_sum + excluded.latency_ms_sum, tokens_in = tokens_in + excluded.tokens_in,
                    tokens_out = tokens_out + excluded.tokens_out
                """, new
            {
                m.Provider, Minute = Timestamps.Format(m.Minute), m.Requests, m.Successes, m.Failures, m.LatencyMsSum, m.TokensIn, m.TokensOut,
            }, transaction);
        }
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<MinuteBucket>> LoadHistoryAsync(DateTimeOffset since, string? provider, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<HistoryRow>(new CommandDefinition("""
            SELECT provider, minute, requests, successes, failures, latency_ms_sum AS LatencyMsSum, tokens_in AS TokensIn, tokens_out AS TokensOut
            FROM provider_metrics_history
            WHERE minute >= @Since AND (@Provider IS NULL OR provider = @Provider)
            ORDER BY minute, provider
            """, new { Since = Timestamps.Format(since), Provider = provider }, cancellationToken: cancellationToken));
        return rows.Select(r => new MinuteBucket(r.Provider, Timestamps.Parse(r.Minute), r.Requests, r.Successes, r.Failures,
            r.LatencyMsSum, r.TokensIn, r.TokensOut)).ToList();
    }

    public async Task<int> PruneHistoryAsync(DateTimeOffset olderThan, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM provider_metrics_history WHERE minute < @Cutoff",
            new { Cutoff = Timestamps.Format(olderThan) }, cancellationToken: cancellationToken));
    }

    public async Task<IReadOnlyDictionary<string, bool>> LoadOverridesAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string Provider, long Enabled)>(new CommandDefinition(
            "SELECT provider, enabled FROM provider_overrides", cancellationToken: cancellationToken));
        return rows.ToDictionary(r => r.Provider, r => r.Enabled == 1);
    }

    public async Task SaveOverrideAsync(string provider, bool enabled, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO provider_overrides (provider, enabled, updated_at) VALUES (@Provider, @Enabled, @Now)
            ON CONFLICT (provider) DO UPDATE SET enabled = excluded.enabled, updated_at = excluded.updated_at
            """, new { Provider = provider, Enabled = enabled ? 1 : 0, Now = Timestamps.Format(time.GetUtcNow()) },
            cancellationToken: cancellationToken));
    }

    private static DateTimeOffset? ParseOrNull(string? value) => value is null ? null : Timestamps.Parse(value);

    private static string? FormatOrNull(DateTimeOffset? value) => value is { } v ? Timestamps.Format(v) : null;

    private sealed record MetricsRow(string Provider, long Requests, long Successes, long Failures, double LatencyMsSum,
        string LatencySamples, double TtftMsSum, long TtftCount, long TokensIn, long TokensOut, string? LastError,
        string? LastErrorAt, string? LastSuccessAt, string CircuitState);

    private sealed record HistoryRow(string Provider, string Minute, long Requests, long Successes, long Failures,
        double LatencyMsSum, long TokensIn, long TokensOut);
}
