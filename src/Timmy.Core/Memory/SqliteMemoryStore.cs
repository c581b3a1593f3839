using System.Data.Common;
using Dapper;
using Timmy.Core.Events;
using Timmy.Core.Storage;

namespace Timmy.Core.Memory;

/// <summary>The memory tables (migration M0007) in SQLite, through Dapper. Each change commits with its event; right
/// after the commit it is applied to the <see cref="MemoryVectorIndex"/> (inside the factory's commit order, so two
/// changes reach the index in the order they were stored).</summary>
public sealed class SqliteMemoryStore(IDbConnectionFactory connections, IEventLog events, MemoryVectorIndex index, TimeProvider time) : IMemoryStore
{
    private const int LoadBatch = 2_000;

    private const string Columns = """
        e.id AS Id, e.content AS Content, e.source AS Source, e.context_type AS ContextType, e.agent_id AS AgentId,
        e.task_id AS TaskId, e.session_id AS SessionId, e.metadata AS Metadata, e.shared AS Shared, e.timestamp AS Timestamp,
        e.updated_at AS UpdatedAt, e.embedder AS Embedder
        """;

    public async Task<IReadOnlyList<MemoryEntry>> AddAsync(
        IReadOnlyList<MemoryWrite> writes, Func<IReadOnlyList<MemoryEntry>, IReadOnlyList<EventDraft>> logged, CancellationToken cancellationToken = default)
    {
        if (writes.Count == 0)
        {
            return [];
        }
        var now = time.GetUtcNow();
        var stamp = Timestamps.Format(now);
        var entries = new List<MemoryEntry>(writes.Count);
        await using var transaction = await connections.BeginWriteAsync(cancellationToken: cancellationToken);
        foreach (var write in writes)
        {
            var m = write.Memory;
            var entry = new MemoryEntry(
                SortableIds.New(time), m.Content, m.Source, m.ContextType, m.AgentId, m.TaskId, m.SessionId,
                m.Metadata ?? "{}", m.Shared, Timestamps.Parse(stamp), null, write.Vector is null ? null : write.Embedder);
            await transaction.Connection.ExecuteAsync(new CommandDefinition("""
                INSERT INTO memory_entries (id, content, source, context_type, agent_id, task_id, session_id, metadata, shared,
                                            embedding, embedder, dimensions, timestamp)
                VALUES (@Id, @Content, @Source, @ContextType, @AgentId, @TaskId, @SessionId, @Metadata, @Shared,
                        @embedding, @Embedder, @dimensions, @stamp)
                """, new
            {
                entry.Id, entry.Content, entry.Source, entry.ContextType, entry.AgentId, entry.TaskId, entry.SessionId, entry.Metadata,
                entry.Shared, entry.Embedder, stamp,
                embedding = write.Vector is null ? null : VectorBlob.ToBytes(write.Vector),
                dimensions = write.Vector?.Length,
            }, transaction.Transaction, cancellationToken: cancellationToken));
            entries.Add(entry);
        }
        await events.AppendAllAsync(transaction, logged(entries), cancellationToken);
        var indexed = writes.Select((w, i) => (w, e: entries[i])).Where(p => p.w.Vector is not null)
            .GroupBy(p => p.w.Embedder!).ToList();
        transaction.OnCommitted(() =>
        {
            foreach (var group in indexed)
            {
                index.Upsert(group.Key, group.Select(p => IndexedVector.From(p.e, p.w.Vector!)).ToList());
            }
        });
        await transaction.CommitAsync(cancellationToken);
        return entries;
    }

    public async Task<MemoryEntry?> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await GetAsync(connection, null, id, cancellationToken);
    }

    public async Task<IReadOnlyList<MemoryEntry>> GetManyAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken = default)
    {
        if (ids.Count == 0)
        {
            return [];
        }
        await using var connection = await connections.OpenAsync(cancellationToken);
        var found = new List<MemoryEntry>(ids.Count);
        // SQLite allows 32,766 parameters; a search asks for a few hundred at most, but chunk to be safe.
        foreach (var chunk in ids.Chunk(500))
        {
            var rows = await connection.QueryAsync<Row>(new CommandDefinition(
                $"SELECT {Columns} FROM memory_entries e WHERE e.id IN @chunk", new { chunk }, cancellationToken: cancellationToken));
            found.AddRange(rows.Select(r => r.ToEntry()));
        }
        return found;
    }

    public async Task<MemoryEntry?> UpdateAsync(
        string id, MemoryEdit edit, (float[] Vector, string Embedder)? vector, Func<MemoryEntry, MemoryEntry, EventDraft> logged,
        CancellationToken cancellationToken = default)
    {
        await using var transaction = await connections.BeginWriteAsync(cancellationToken: cancellationToken);
        var before = await GetAsync(transaction.Connection, transaction.Transaction, id, cancellationToken);
        if (before is null)
        {
            return null;
        }
        var contentChanged = edit.Content is not null && edit.Content != before.Content;
        var now = time.GetUtcNow();
        var stamp = Timestamps.Format(now);
        await transaction.Connection.ExecuteAsync(new CommandDefinition("""
            UPDATE memory_entries SET
                content = @content, shared = @shared, updated_at = @stamp,
                embedding = CASE WHEN @contentChanged THEN @embedding ELSE embedding END,
                embedder = CASE WHEN @contentChanged THEN @embedder ELSE embedder END,
                dimensions = CASE WHEN @contentChanged THEN @dimensions ELSE dimensions END
            WHERE id = @id
            """, new
        {
            id, stamp, contentChanged,
            content = edit.Content ?? before.Content,
            shared = edit.Shared ?? before.Shared,
            embedding = vector is { } v ? VectorBlob.ToBytes(v.Vector) : null,
            embedder = vector?.Embedder,
            dimensions = vector?.Vector.Length,
        }, transaction.Transaction, cancellationToken: cancellationToken));
        var after = before with
        {
            Content = edit.Content ?? before.Content,
            Shared = edit.Shared ?? before.Shared,
            UpdatedAt = Timestamps.Parse(stamp),
            Embedder = contentChanged ? vector?.Embedder : before.Embedder,
        };
        await events.AppendAsync(transaction, logged(before, after), cancellationToken);
        transaction.OnCommitted(() =>
        {
            if (!contentChanged)
            {
                index.SetShared(id, after.Shared);
            }
            else if (vector is { } v)
            {
                index.Upsert(v.Embedder, [IndexedVector.From(after, v.Vector)]);
            }
            else
            {
                index.Remove([id]);
            }
        });
        await transaction.CommitAsync(cancellationToken);
        return after;
    }

    public async Task<MemoryEntry?> DeleteAsync(string id, Func<MemoryEntry, EventDraft> logged, CancellationToken cancellationToken = default)
    {
        await using var transaction = await connections.BeginWriteAsync(cancellationToken: cancellationToken);
        var entry = await GetAsync(transaction.Connection, transaction.Transaction, id, cancellationToken);
        if (entry is null)
        {
            return null;
        }
        await transaction.Connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM memory_entries WHERE id = @id", new { id }, transaction.Transaction, cancellationToken: cancellationToken));
        await events.AppendAsync(transaction, logged(entry), cancellationToken);
        transaction.OnCommitted(() => index.Remove([id]));
        await transaction.CommitAsync(cancellationToken);
        return entry;
    }

    public async Task<IReadOnlyList<MemoryEntry>> DeleteDocumentAsync(
        string documentId, Func<IReadOnlyList<MemoryEntry>, EventDraft> logged, CancellationToken cancellationToken = default)
    {
        await using var transaction = await connections.BeginWriteAsync(cancellationToken: cancellationToken);
        var chunks = (await transaction.Connection.QueryAsync<Row>(new CommandDefinition($"""
            SELECT {Columns} FROM memory_entries e
            WHERE e.context_type = 'document' AND json_extract(e.metadata, '$.document_id') = @documentId
            """, new { documentId }, transaction.Transaction, cancellationToken: cancellationToken))).Select(r => r.ToEntry()).ToList();
        if (chunks.Count == 0)
        {
            return [];
        }
        await transaction.Connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM memory_entries WHERE id IN @ids", new { ids = chunks.Select(c => c.Id).ToList() }, transaction.Transaction,
            cancellationToken: cancellationToken));
        await events.AppendAsync(transaction, logged(chunks), cancellationToken);
        transaction.OnCommitted(() => index.Remove(chunks.Select(c => c.Id)));
        await transaction.CommitAsync(cancellationToken);
        return chunks;
    }

    public async Task<MemoryPage> ListAsync(MemoryFilter filter, MemoryViewer viewer, string? before, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        var parameters = new DynamicParameters();
        var where = MemoryFilterSql.Where(filter, viewer, parameters);
        parameters.Add("before", before ?? "\uffff");
        parameters.Add("take", limit + 1);
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = (await connection.QueryAsync<Row>(new CommandDefinition(
            $"SELECT {Columns} FROM memory_entries e WHERE {where} AND e.id < @before ORDER BY e.id DESC LIMIT @take",
            parameters, cancellationToken: cancellationToken))).Select(r => r.ToEntry()).ToList();
        var page = rows.Take(limit).ToList();
        return new MemoryPage(page, rows.Count > limit ? page[^1].Id : null);
    }

    public async Task<IReadOnlyList<LexicalMatch>> LexicalAsync(
        string match, MemoryFilter filter, MemoryViewer viewer, int limit, CancellationToken cancellationToken = default)
    {
        var parameters = new DynamicParameters();
        var where = MemoryFilterSql.Where(filter, viewer, parameters);
        parameters.Add("match", match);
        parameters.Add("limit", limit);
        // With nothing to filter on, FTS5 ranks on its own and only the best rows are joined for their ids (a query
        // with a common word matches most entries: joining every match cost as much as ranking them).
        var sql = where == MemoryFilterSql.Everything
            ? """
              SELECT e.id, f.rank FROM (
                  SELECT rowid, bm25(memory_fts) AS rank FROM memory_fts WHERE memory_fts MATCH @match ORDER BY rank LIMIT @limit
              ) f JOIN memory_entries e ON e.seq = f.rowid
              ORDER BY f.rank
              """
            : $"""
              SELECT e.id, bm25(memory_fts) AS rank
              FROM memory_fts JOIN memory_entries e ON e.seq = memory_fts.rowid
              WHERE memory_fts MATCH @match AND {where}
              ORDER BY rank LIMIT @limit
              """;
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string Id, double Rank)>(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken));
        return rows.Select(r => new LexicalMatch(r.Id, -r.Rank)).ToList();
    }

    public async Task<MemoryStats> StatsAsync(string? embedderId, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var byType = (await connection.QueryAsync<(string Type, long Count)>(new CommandDefinition(
            "SELECT context_type, COUNT(*) FROM memory_entries GROUP BY context_type", cancellationToken: cancellationToken)))
            .ToDictionary(r => r.Type, r => r.Count, StringComparer.Ordinal);
        var byAgent = (await connection.QueryAsync<(string? AgentId, long Count)>(new CommandDefinition(
            "SELECT agent_id, COUNT(*) FROM memory_entries GROUP BY agent_id ORDER BY COUNT(*) DESC, agent_id",
            cancellationToken: cancellationToken))).Select(r => new AgentMemoryCount(r.AgentId, r.Count)).ToList();
        var totals = await connection.QuerySingleAsync<(long Total, long Shared, long Embedded, string? Oldest, string? Newest)>(new CommandDefinition("""
            SELECT COUNT(*), COALESCE(SUM(shared), 0), COALESCE(SUM(embedder = @embedderId), 0), MIN(timestamp), MAX(timestamp)
            FROM memory_entries
            """, new { embedderId }, cancellationToken: cancellationToken));
        var documents = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COUNT(DISTINCT json_extract(metadata, '$.document_id')) FROM memory_entries WHERE context_type = 'document'",
            cancellationToken: cancellationToken));
        return new MemoryStats(
            totals.Total, byType, byAgent, totals.Shared, totals.Embedded, totals.Total - totals.Embedded, documents,
            totals.Oldest is null ? null : Timestamps.Parse(totals.Oldest), totals.Newest is null ? null : Timestamps.Parse(totals.Newest));
    }

    public async Task<int> PruneAsync(DateTimeOffset cutoff, bool includeFacts, Func<int, EventDraft> logged, CancellationToken cancellationToken = default)
    {
        await using var transaction = await connections.BeginWriteAsync(cancellationToken: cancellationToken);
        var ids = (await transaction.Connection.QueryAsync<string>(new CommandDefinition("""
            DELETE FROM memory_entries WHERE timestamp < @cutoff AND (@includeFacts OR context_type <> 'fact') RETURNING id
            """, new { cutoff = Timestamps.Format(cutoff), includeFacts }, transaction.Transaction, cancellationToken: cancellationToken))).ToList();
        if (ids.Count == 0)
        {
            return 0;
        }
        await events.AppendAsync(transaction, logged(ids.Count), cancellationToken);
        transaction.OnCommitted(() => index.Remove(ids));
        await transaction.CommitAsync(cancellationToken);
        return ids.Count;
    }

    public async Task<int> LoadIndexAsync(string embedderId, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        // Sized once for what is stored (growing by doubling left up to half the vector array unused and copied it
        // each time it grew).
        index.EnsureCapacity(embedderId, index.Count + await connection.ExecuteScalarAsync<int>(new CommandDefinition(
            "SELECT COUNT(*) FROM memory_entries WHERE embedder = @embedderId", new { embedderId }, cancellationToken: cancellationToken)));
        var loaded = 0;
        var after = 0L;
        while (true)
        {
            var rows = (await connection.QueryAsync<VectorRow>(new CommandDefinition("""
                SELECT seq AS Seq, id AS Id, embedding AS Embedding, context_type AS ContextType, source AS Source, agent_id AS AgentId,
                       session_id AS SessionId, task_id AS TaskId, shared AS Shared, timestamp AS Timestamp
                FROM memory_entries WHERE embedder = @embedderId AND seq > @after ORDER BY seq LIMIT @batch
                """, new { embedderId, after, batch = LoadBatch }, cancellationToken: cancellationToken))).ToList();
            if (rows.Count == 0)
            {
                return loaded;
            }
            index.Upsert(embedderId, rows.Select(r => r.ToIndexed()).ToList());
            loaded += rows.Count;
            after = rows[^1].Seq;
        }
    }

    public async Task<IReadOnlyList<PendingEmbedding>> AwaitingEmbeddingAsync(string embedderId, int limit, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<PendingEmbedding>(new CommandDefinition("""
            SELECT id AS Id, content AS Content FROM memory_entries
            WHERE embedder IS NULL OR embedder <> @embedderId ORDER BY seq LIMIT @limit
            """, new { embedderId, limit }, cancellationToken: cancellationToken))).ToList();
    }

    public async Task<int> SetVectorsAsync(
        string embedderId, IReadOnlyList<(PendingEmbedding Entry, float[] Vector)> vectors, CancellationToken cancellationToken = default)
    {
        await using var transaction = await connections.BeginWriteAsync(cancellationToken: cancellationToken);
        var stored = new List<(string Id, float[] Vector)>();
        foreach (var (entry, vector) in vectors)
        {
            var changed = await transaction.Connection.ExecuteAsync(new CommandDefinition("""
                UPDATE memory_entries SET embedding = @embedding, embedder = @embedderId, dimensions = @dimensions
                WHERE id = @id AND content = @content
                """, new { id = entry.Id, content = entry.Content, embedding = VectorBlob.ToBytes(vector), embedderId, dimensions = vector.Length },
                transaction.Transaction, cancellationToken: cancellationToken));
            if (changed == 1)
            {
                stored.Add((entry.Id, vector));
            }
        }
        var entries = (await transaction.Connection.QueryAsync<Row>(new CommandDefinition(
            $"SELECT {Columns} FROM memory_entries e WHERE e.id IN @ids", new { ids = stored.Select(s => s.Id).ToList() },
            transaction.Transaction, cancellationToken: cancellationToken))).ToDictionary(r => r.Id, r => r.ToEntry());
        transaction.OnCommitted(() => index.Upsert(embedderId, stored.Select(s => IndexedVector.From(entries[s.Id], s.Vector)).ToList()));
        await transaction.CommitAsync(cancellationToken);
        return stored.Count;
    }

    public async Task<IReadOnlyList<MemoryDocument>> DocumentsAsync(MemoryViewer viewer, CancellationToken cancellationToken = default)
    {
        var parameters = new DynamicParameters();
        var where = MemoryFilterSql.Where(new MemoryFilter { ContextTypes = [MemoryContextTypes.Document] }, viewer, parameters);
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<DocumentRow>(new CommandDefinition($"""
            SELECT json_extract(e.metadata, '$.document_id') AS DocumentId, MAX(json_extract(e.metadata, '$.document')) AS Name,
                   COUNT(*) AS Chunks, SUM(length(e.content)) AS Characters, MAX(e.shared) AS Shared, MAX(e.agent_id) AS AgentId,
                   MIN(e.timestamp) AS StoredAt
            FROM memory_entries e WHERE {where}
            GROUP BY json_extract(e.metadata, '$.document_id') ORDER BY MIN(e.timestamp) DESC
            """, parameters, cancellationToken: cancellationToken));
        return rows.Where(r => r.DocumentId is not null)
            .Select(r => new MemoryDocument(r.DocumentId!, r.Name ?? "", (int)r.Chunks, r.Characters, r.Shared != 0, r.AgentId, Timestamps.Parse(r.StoredAt)))
            .ToList();
    }

    public async Task<MemoryEntry?> FactByKeyAsync(string key, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var row = await connection.QueryFirstOrDefaultAsync<Row>(new CommandDefinition($"""
            SELECT {Columns} FROM memory_entries e
            WHERE e.context_type = 'fact' AND e.agent_id IS NULL AND json_extract(e.metadata, '$.fact_key') = @key
            ORDER BY e.id DESC LIMIT 1
            """, new { key }, cancellationToken: cancellationToken));
        return row?.ToEntry();
    }

    private static async Task<MemoryEntry?> GetAsync(DbConnection connection, DbTransaction? transaction, string id, CancellationToken cancellationToken)
    {
        var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            $"SELECT {Columns} FROM memory_entries e WHERE e.id = @id", new { id }, transaction, cancellationToken: cancellationToken));
        return row?.ToEntry();
    }

    private sealed record Row(
        string Id, string Content, string Source, string ContextType, string? AgentId, string? TaskId, string? SessionId,
        string Metadata, long Shared, string Timestamp, string? UpdatedAt, string? Embedder)
    {
        public MemoryEntry ToEntry() => new(
            Id, Content, Source, ContextType, AgentId, TaskId, SessionId, Metadata, Shared != 0, Timestamps.Parse(Timestamp),
            UpdatedAt is null ? null : Timestamps.Parse(UpdatedAt), Embedder);
    }

    private sealed record VectorRow(
        long Seq, string Id, byte[] Embedding, string ContextType, string Source, string? AgentId, string? SessionId, string? TaskId, long Shared,
        string Timestamp)
    {
        public IndexedVector ToIndexed() =>
            new(Id, VectorBlob.FromBytes(Embedding), ContextType, Source, AgentId, SessionId, TaskId, Shared != 0, Timestamps.Parse(Timestamp));
    }

    /// <summary>Settable, not positional: an aggregate over NULLs only (the owner's documents' agent), or any column of an
    /// empty result, has no type SQLite can report, so Dapper must map it by name.</summary>
    private sealed class DocumentRow
    {
        public string? DocumentId { get; init; }
        public string? Name { get; init; }
        public long Chunks { get; init; }
        public long Characters { get; init; }
        public long Shared { get; init; }
        public string? AgentId { get; init; }
        public string StoredAt { get; init; } = "";
    }
}
