using System.Text.Json;
using Dapper;
using Timmy.Core.Storage;

namespace Timmy.Core.Upgrades;

/// <summary>The <c>upgrades</c> table (migration M0009) in SQLite, through Dapper. Files and test results are JSON.</summary>
public sealed class SqliteUpgradeStore(IDbConnectionFactory connections) : IUpgradeStore
{
    private const string Columns = """
        id AS Id, status AS Status, instruction AS Instruction, description AS Description, repository AS Repository,
        target_branch AS TargetBranch, branch_name AS BranchName, base_commit AS BaseCommit, branch_commit AS BranchCommit,
        files_changed AS FilesChanged, lines_added AS LinesAdded, lines_removed AS LinesRemoved, diff_preview AS DiffPreview,
        diff AS Diff, diff_sha256 AS DiffSha256, test_results AS TestResults, worktree_path AS WorktreePath,
        proposed_at AS ProposedAt, approved_at AS ApprovedAt, approved_by AS ApprovedBy, apply_started_at AS ApplyStartedAt,
        applied_at AS AppliedAt, previous_head AS PreviousHead, applied_commit AS AppliedCommit, rejected_at AS RejectedAt,
        rejected_by AS RejectedBy, finished_at AS FinishedAt, rollback_commit AS RollbackCommit, error_message AS ErrorMessage,
        updated_at AS UpdatedAt
        """;

    public async Task InsertAsync(WriteTransaction transaction, Upgrade upgrade, CancellationToken cancellationToken = default) =>
        await transaction.Connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO upgrades (id, status, instruction, description, repository, target_branch, branch_name, base_commit,
                branch_commit, files_changed, lines_added, lines_removed, diff_preview, diff, diff_sha256, test_results,
                worktree_path, proposed_at, updated_at)
            VALUES (@Id, @Status, @Instruction, @Description, @Repository, @TargetBranch, @BranchName, @BaseCommit,
                @BranchCommit, @FilesChanged, @LinesAdded, @LinesRemoved, @DiffPreview, @Diff, @DiffSha256, @TestResults,
                @WorktreePath, @ProposedAt, @UpdatedAt)
            """, Row.From(upgrade), transaction.Transaction, cancellationToken: cancellationToken));

    public async Task<Upgrade?> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            $"SELECT {Columns} FROM upgrades WHERE id = @id", new { id }, cancellationToken: cancellationToken));
        return row?.ToUpgrade();
    }

    public async Task<Upgrade?> GetAsync(WriteTransaction transaction, string id, CancellationToken cancellationToken = default)
    {
        var row = await transaction.Connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            $"SELECT {Columns} FROM upgrades WHERE id = @id", new { id }, transaction.Transaction, cancellationToken: cancellationToken));
        return row?.ToUpgrade();
    }

    public async Task<bool> UpdateAsync(WriteTransaction transaction, Upgrade changed, CancellationToken cancellationToken = default)
    {
        var parameters = new DynamicParameters(Row.From(changed));
        // A move comes from one of the states that may reach the new one; a change within a state (an apply starting)
        // from that state itself.
        parameters.Add("sources", UpgradeStateMachine.SourcesOf(changed.Status).Append(changed.Status).ToArray());
        return await transaction.Connection.ExecuteAsync(new CommandDefinition("""
            UPDATE upgrades SET status = @Status, description = @Description, test_results = @TestResults,
                worktree_path = @WorktreePath, approved_at = @ApprovedAt, approved_by = @ApprovedBy,
                apply_started_at = @ApplyStartedAt, applied_at = @AppliedAt, previous_head = @PreviousHead,
                applied_commit = @AppliedCommit, rejected_at = @RejectedAt, rejected_by = @RejectedBy,
                finished_at = @FinishedAt, rollback_commit = @RollbackCommit, error_message = @ErrorMessage,
                updated_at = @UpdatedAt
            WHERE id = @Id AND status IN @sources
            """, parameters, transaction.Transaction, cancellationToken: cancellationToken)) == 1;
    }

    public async Task<IReadOnlyList<Upgrade>> ListAsync(IReadOnlyCollection<string> statuses, int limit, string? beforeId = null, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition($"""
            SELECT {Columns} FROM upgrades
            WHERE (@any = 0 OR status IN @statuses) AND (@beforeId IS NULL OR id < @beforeId)
            ORDER BY id DESC LIMIT @limit
            """, new { any = statuses.Count == 0 ? 0 : 1, statuses = statuses.ToArray(), beforeId, limit }, cancellationToken: cancellationToken));
        return rows.Select(r => r.ToUpgrade()).ToList();
    }

    public async Task<int> CountAsync(string status, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<int>(new CommandDefinition(
            "SELECT count(*) FROM upgrades WHERE status = @status", new { status }, cancellationToken: cancellationToken));
    }

    public async Task<IReadOnlyList<Upgrade>> ProposedBeforeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            $"SELECT {Columns} FROM upgrades WHERE status = 'proposed' AND proposed_at < @cutoff ORDER BY proposed_at",
            new { cutoff = Timestamps.Format(cutoff) }, cancellationToken: cancellationToken));
        return rows.Select(r => r.ToUpgrade()).ToList();
    }

    private sealed class Row
    {
        public string Id { get; set; } = "";
        public string Status { get; set; } = "";
        public string Instruction { get; set; } = "";
        public string Description { get; set; } = "";
        public string Repository { get; set; } = "";
        public string TargetBranch { get; set; } = "";
        public string BranchName { get; set; } = "";
        public string BaseCommit { get; set; } = "";
        public string BranchCommit { get; set; } = "";
        public string FilesChanged { get; set; } = "[]";
        public long LinesAdded { get; set; }
        public long LinesRemoved { get; set; }
        public string DiffPreview { get; set; } = "";
        public string Diff { get; set; } = "";
        public string DiffSha256 { get; set; } = "";
        public string? TestResults { get; set; }
        public string? WorktreePath { get; set; }
        public string ProposedAt { get; set; } = "";
        public string? ApprovedAt { get; set; }
        public string? ApprovedBy { get; set; }
        public string? ApplyStartedAt { get; set; }
        public string? AppliedAt { get; set; }
        public string? PreviousHead { get; set; }
        public string? AppliedCommit { get; set; }
        public string? RejectedAt { get; set; }
        public string? RejectedBy { get; set; }
        public string? FinishedAt { get; set; }
        public string? RollbackCommit { get; set; }
        public string? ErrorMessage { get; set; }
        public string UpdatedAt { get; set; } = "";

        public static Row From(Upgrade u) => new()
        {
            Id = u.Id, Status = u.Status, Instruction = u.Instruction, Description = u.Description, Repository = u.Repository,
            TargetBranch = u.TargetBranch, BranchName = u.BranchName, BaseCommit = u.BaseCommit, BranchCommit = u.BranchCommit,
            FilesChanged = JsonSerializer.Serialize(u.FilesChanged), LinesAdded = u.LinesAdded, LinesRemoved = u.LinesRemoved,
            DiffPreview = u.DiffPreview, Diff = u.Diff, DiffSha256 = u.DiffSha256,
            TestResults = u.TestResults is null ? null : JsonSerializer.Serialize(u.TestResults), WorktreePath = u.WorktreePath,
            ProposedAt = Timestamps.Format(u.ProposedAt), ApprovedAt = Format(u.ApprovedAt), ApprovedBy = u.ApprovedBy,
            ApplyStartedAt = Format(u.ApplyStartedAt), AppliedAt = Format(u.AppliedAt), PreviousHead = u.PreviousHead,
            AppliedCommit = u.AppliedCommit, RejectedAt = Format(u.RejectedAt), RejectedBy = u.RejectedBy,
            FinishedAt = Format(u.FinishedAt), RollbackCommit = u.RollbackCommit, ErrorMessage = u.ErrorMessage,
            UpdatedAt = Timestamps.Format(u.UpdatedAt),
        };

        public Upgrade ToUpgrade() => new()
        {
            Id = Id, Status = Status, Instruction = Instruction, Description = Description, Repository = Repository,
            TargetBranch = TargetBranch, BranchName = BranchName, BaseCommit = BaseCommit, BranchCommit = BranchCommit,
            FilesChanged = JsonSerializer.Deserialize<List<string>>(FilesChanged) ?? [], LinesAdded = (int)LinesAdded,
            LinesRemoved = (int)LinesRemoved, DiffPreview = DiffPreview, Diff = Diff, DiffSha256 = DiffSha256,
            TestResults = TestResults is null ? null : JsonSerializer.Deserialize<TestRunResult>(TestResults),
            WorktreePath = WorktreePath, ProposedAt = Timestamps.Parse(ProposedAt), ApprovedAt = Parse(ApprovedAt),
            ApprovedBy = ApprovedBy, ApplyStartedAt = Parse(ApplyStartedAt), AppliedAt = Parse(AppliedAt),
            PreviousHead = PreviousHead, AppliedCommit = AppliedCommit, RejectedAt = Parse(RejectedAt), RejectedBy = RejectedBy,
            FinishedAt = Parse(FinishedAt), RollbackCommit = RollbackCommit, ErrorMessage = ErrorMessage,
            UpdatedAt = Timestamps.Parse(UpdatedAt),
        };

        private static string? Format(DateTimeOffset? value) => value is { } v ? Timestamps.Format(v) : null;

        private static DateTimeOffset? Parse(string? value) => value is null ? null : Timestamps.Parse(value);
    }
}
