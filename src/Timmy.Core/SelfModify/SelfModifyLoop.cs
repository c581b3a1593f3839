using System.Collections.Concurrent;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Timmy.Core.Events;
using Timmy.Core.Refusals;
using Timmy.Core.Storage;
using Timmy.Core.Upgrades;
using Timmy.Core.Upgrades.Git;

namespace Timmy.Core.SelfModify;

/// <summary>The self-modify loop (ADR-021): instruction → files → the model's change (through the cascade router) →
/// a fresh worktree on a new branch → build and test, feeding failures back for another attempt → a proposal in the
/// upgrade queue. It stops at the proposal and never touches the target branch. One run at a time per repository;
/// every step is an upgrade.run_* event carrying the run's id, so a page can follow it live.</summary>
public sealed class SelfModifyLoop(
    IChatClient chat,
    UpgradeService upgrades,
    UpgradeApplyQueue applyQueue,
    TestCommandRunner tests,
    IEventLog events,
    IOptionsMonitor<UpgradesOptions> options,
    TimeProvider time,
    IHostApplicationLifetime lifetime,
    ILogger<SelfModifyLoop> logger)
{
    private const int KeptRuns = 20;

    private readonly ConcurrentDictionary<string, SelfModifyRun> _runs = new();
    private readonly ConcurrentDictionary<string, string> _busy = new(); // repository → run id
    private readonly ConcurrentDictionary<string, Task> _tasks = new();

    /// <summary>Null when the loop can run; otherwise why not (off in configuration, no repository).</summary>
    public string? Unavailable => !options.CurrentValue.SelfModifyEnabled
        ? $"The self-modify loop is off. Set {UpgradesOptions.SectionName}:SelfModifyEnabled=true to let Timmy propose changes."
        : upgrades.Target.Problem;

    /// <summary>The run going on now, if any.</summary>
    public SelfModifyRun? Current => _busy.Values.Select(Get).OfType<SelfModifyRun>().FirstOrDefault();

    /// <summary>The most recent runs, newest first (running and finished).</summary>
    public IReadOnlyList<SelfModifyRun> Recent => _runs.Values.OrderByDescending(r => r.Id, StringComparer.Ordinal).ToList();

    public SelfModifyRun? Get(string runId) => _runs.TryGetValue(runId, out var run) ? run : null;

    /// <summary>Checks the request (InvalidFieldException naming instruction / target_files), that the loop is on
    /// (SelfModifyDisabledException) and free (SelfModifyBusyException), then runs it in the background and returns the
    /// run as it starts. Progress is logged as upgrade.run_started / run_progress / run_finished events carrying run_id.</summary>
    public SelfModifyRun Start(SelfModifyRequest request)
    {
        var run = Begin(request, out var repository);
        _tasks[run.Id] = Task.Run(() => RunGuardedAsync(run, request, repository, lifetime.ApplicationStopping));
        return run;
    }

    /// <summary>As <see cref="Start"/>, then waits for the run to finish.</summary>
    public async Task<SelfModifyRun> RunAsync(SelfModifyRequest request, CancellationToken cancellationToken = default)
    {
        var run = Begin(request, out var repository);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, lifetime.ApplicationStopping);
        await RunGuardedAsync(run, request, repository, linked.Token);
        return Get(run.Id)!;
    }

    private SelfModifyRun Begin(SelfModifyRequest request, out UpgradeRepository repository)
    {
        Validate(request);
        if (Unavailable is { } reason)
        {
            throw new SelfModifyDisabledException(reason);
        }
        repository = upgrades.Target.Open();
        foreach (var path in request.TargetFiles)
        {
            if (PathRules.Check(repository.Path, path, options.CurrentValue.AllowedDirectories, out var refusal) is null)
            {
                throw new InvalidFieldException("target_files", $"'{path}' cannot be changed: {refusal}.");
            }
        }
        var run = new SelfModifyRun
        {
            Id = SortableIds.New(time), Instruction = request.Instruction.Trim(), DryRun = request.DryRun,
            Status = SelfModifyRunStatus.Running, StartedAt = time.GetUtcNow(),
        };
        if (!_busy.TryAdd(repository.Path, run.Id))
        {
            throw new SelfModifyBusyException(_busy.TryGetValue(repository.Path, out var other) ? other : "another run");
        }
        _runs[run.Id] = run;
        foreach (var old in _runs.Values.OrderByDescending(r => r.Id, StringComparer.Ordinal).Skip(KeptRuns).Where(r => r.IsFinished))
        {
            _runs.TryRemove(old.Id, out _);
        }
        return run;
    }

    private static void Validate(SelfModifyRequest request)
    {
        if (string.IsNullOrWhiteSpace(request.Instruction) || request.Instruction.Length > SelfModifyRequest.MaxInstructionLength)
        {
            throw new InvalidFieldException("instruction", $"Say what to change, in at most {SelfModifyRequest.MaxInstructionLength:N0} characters.");
        }
        if (request.TargetFiles.Count > SelfModifyRequest.MaxTargetFiles || request.TargetFiles.Any(f => string.IsNullOrWhiteSpace(f) || f.Length > PathRules.MaxPathLength))
        {
            throw new InvalidFieldException("target_files", $"Name at most {SelfModifyRequest.MaxTargetFiles} files, each a path relative to the repository root.");
        }
    }

    /// <summary>Runs to an outcome; whatever the run made in git and did not hand to the queue is removed, and the
    /// repository is free again, before the run is reported finished.</summary>
    private async Task RunGuardedAsync(SelfModifyRun run, SelfModifyRequest request, UpgradeRepository repository, CancellationToken cancellationToken)
    {
        var context = new RunContext(run.Id, request.Actor);
        Outcome outcome;
        try
        {
            await events.LogAsync(UpgradeEvents.Run(EventType.UpgradeRunStarted, run.Id, $"Started: {run.Instruction}", actor: request.Actor), CancellationToken.None);
            outcome = await RunCoreAsync(context, request, repository, cancellationToken);
        }
        catch (Exception e) when (e is ChangeRefusedException or ProposalTooLargeException or ProposalRefusedException or FormatException or GitCommandException
            or ModelUnavailableException or OperationCanceledException or LibGit2Sharp.LibGit2SharpException or IOException)
        {
            outcome = new Outcome(SelfModifyRunStatus.Failed, e is OperationCanceledException ? "Stopped: the server is shutting down." : e.Message);
        }
        catch (Exception e)
        {
            logger.LogError(e, "Self-modify run {RunId} failed", run.Id);
            outcome = new Outcome(SelfModifyRunStatus.Failed, $"Failed unexpectedly: {e.Message}");
        }
        finally
        {
            await context.CleanUpAsync(repository, logger);
            _busy.TryRemove(repository.Path, out _);
            _tasks.TryRemove(run.Id, out _);
        }
        await FinishAsync(context, outcome);
    }

    private sealed record Outcome(string Status, string Message, string? UpgradeId = null);

    private async Task<Outcome> RunCoreAsync(RunContext context, SelfModifyRequest request, UpgradeRepository repository, CancellationToken cancellationToken)
    {
        var settings = options.CurrentValue;
        var targetBranch = upgrades.Target.TargetBranch(repository);
        var baseCommit = repository.TipOf(targetBranch) ?? throw new GitCommandException($"the target branch {targetBranch} does not exist");
        using var snapshot = new CommitSnapshot(repository.Path, baseCommit);
        var files = PickFiles(request, repository.Path, snapshot, settings);
        Update(context, r => r with { Files = files });
        await StepAsync(context, files.Count == 0
            ? $"No existing file matched; asking the model to create what the request needs (base {baseCommit[..12]} on {targetBranch})."
            : $"Read {files.Count} file(s) at {targetBranch} {baseCommit[..12]}: {string.Join(", ", files)}");

        var contents = files.Select(f => (f, snapshot.Read(f) ?? "")).ToList();
        var messages = SelfModifyPrompt.Start(request.Instruction, contents, settings.AllowedDirectories);
        var upgradeId = SortableIds.New(time);
        var branch = BranchNames.For(request.Instruction, upgradeId);
        var worktree = Path.Combine(upgrades.Target.WorktreeDirectory, upgradeId);
        TestRunResult? result = null;
        ChangeSet? change = null;
        IReadOnlyList<string> written = [];
        var attempts = 1 + settings.MaxRetries;
        for (var attempt = 1; attempt <= attempts; attempt++)
        {
            Update(context, r => r with { Attempts = attempt });
            await StepAsync(context, $"Attempt {attempt} of {attempts}: asking the model for the change.");
            var answer = await AskAsync(messages, cancellationToken);
            messages.Add(new ChatMessage(ChatRole.Assistant, answer));
            try
            {
                change = ChangeSetParser.Parse(answer);
                ChangeWriter.Check(change, repository.Path, settings.AllowedDirectories, settings.MaxFileBytes);
                if (request.DryRun)
                {
                    var preview = ChangeWriter.Preview(change, snapshot.Read);
                    Update(context, r => r with { Diff = preview });
                    return new Outcome(SelfModifyRunStatus.DryRun, $"Dry run: the model proposes \"{change.Summary}\" touching {change.Paths.Count} file(s); nothing was written.");
                }
                if (context.Worktree is null)
                {
                    await applyQueue.Opened.WaitAsync(cancellationToken); // start-up recovery prunes worktrees first
                    Directory.CreateDirectory(upgrades.Target.WorktreeDirectory);
                    await GitWorktrees.AddOnNewBranchAsync(repository.Path, worktree, branch, baseCommit, cancellationToken);
                    context.Created(worktree, branch);
                    await StepAsync(context, $"Made the worktree on the new branch {branch}.");
                }
                else
                {
                    UpgradeRepository.ResetWorktree(worktree, baseCommit);
                }
                written = await ChangeWriter.WriteAsync(change, worktree, settings.AllowedDirectories, settings.MaxFileBytes, cancellationToken);
            }
            catch (FormatException e) when (attempt < attempts)
            {
                await StepAsync(context, $"The answer could not be used ({e.Message}); asking again.");
                messages.Add(SelfModifyPrompt.Unusable(e.Message));
                continue;
            }
            await StepAsync(context, $"Wrote \"{change.Summary}\"; running `{settings.TestCommand}`.");
            result = await tests.RunAsync(worktree, cancellationToken);
            await StepAsync(context, $"Tests {(result.Passed ? "passed" : "failed")}: {result.Summary}.");
            if (result.Passed || attempt == attempts)
            {
                break;
            }
            messages.Add(SelfModifyPrompt.TestsFailed(result.Summary, Tail(result.OutputTail, 4_000)));
        }

        var commit = UpgradeRepository.CommitAll(worktree, $"{change!.Summary}\n\nInstruction: {request.Instruction.Trim()}\nProposed as upgrade {upgradeId}.", time.GetUtcNow(), written)
            ?? throw new FormatException("the change leaves every file as it was");
        var proposal = await upgrades.ProposeAsync(new NewProposal(request.Instruction.Trim(), change.Summary, branch, baseCommit, commit, targetBranch, worktree, result!)
        {
            Id = upgradeId, Actor = request.Actor,
        }, CancellationToken.None);
        context.Kept();
        Update(context, r => r with { UpgradeId = proposal.Id });
        return new Outcome(SelfModifyRunStatus.Proposed, result!.Passed
            ? $"Proposed upgrade {proposal.Id} on {branch}: tests passed ({result.Summary}). It waits for your review."
            : $"Proposed upgrade {proposal.Id} on {branch}, but its tests failed after {attempts} attempt(s) ({result.Summary}); review it before approving.", proposal.Id);
    }

    private static List<string> PickFiles(SelfModifyRequest request, string repository, CommitSnapshot snapshot, UpgradesOptions settings)
    {
        var candidates = snapshot.Files()
            .Where(f => f.Size <= settings.MaxFileBytes && PathRules.Check(repository, f.Path, settings.AllowedDirectories, out _) is not null)
            .Select(f => f.Path).ToList();
        var given = request.TargetFiles.Select(f => PathRules.Check(repository, f, settings.AllowedDirectories, out var reason)
            ?? throw new ChangeRefusedException(f, reason)).ToList();
        return TargetFilePicker.Pick(request.Instruction, given, candidates, snapshot.Read, settings.MaxTargetFiles).ToList();
    }

    private async Task<string> AskAsync(List<ChatMessage> messages, CancellationToken cancellationToken)
    {
        try
        {
            var response = await chat.GetResponseAsync(messages, new ChatOptions { Temperature = 0.2f }, cancellationToken);
            return response.Text;
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            throw new ModelUnavailableException($"No model answered: {e.Message}");
        }
    }

    private static string Tail(string text, int chars) => text.Length <= chars ? text : text[^chars..];

    private void Update(RunContext context, Func<SelfModifyRun, SelfModifyRun> change) =>
        _runs.AddOrUpdate(context.RunId, _ => throw new InvalidOperationException("unknown run"), (_, run) => change(run));

    private async Task StepAsync(RunContext context, string message)
    {
        Update(context, r => r with { Steps = [.. r.Steps, message] });
        await events.LogAsync(UpgradeEvents.Run(EventType.UpgradeRunProgress, context.RunId, message, actor: context.Actor), CancellationToken.None);
    }

    private async Task FinishAsync(RunContext context, Outcome outcome)
    {
        Update(context, r => r with
        {
            Status = outcome.Status, FinishedAt = time.GetUtcNow(), Steps = [.. r.Steps, outcome.Message],
            Error = outcome.Status == SelfModifyRunStatus.Failed ? outcome.Message : null,
        });
        try
        {
            await events.LogAsync(UpgradeEvents.Run(EventType.UpgradeRunFinished, context.RunId, outcome.Message, outcome.UpgradeId, context.Actor), CancellationToken.None);
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Could not log the end of self-modify run {RunId}", context.RunId);
        }
    }

    /// <summary>What a run made in git, so a run that ends without a proposal leaves nothing behind.</summary>
    private sealed class RunContext(string runId, string? actor)
    {
        public string RunId { get; } = runId;
        public string? Actor { get; } = actor;
        public string? Worktree { get; private set; }
        private string? _branch;

        public void Created(string worktree, string branch)
        {
            Worktree = worktree;
            _branch = branch;
        }

        /// <summary>The proposal owns the worktree and branch now.</summary>
        public void Kept()
        {
            Worktree = null;
            _branch = null;
        }

        public async Task CleanUpAsync(UpgradeRepository repository, ILogger logger)
        {
            try
            {
                if (Worktree is not null)
                {
                    await GitWorktrees.RemoveAsync(repository.Path, Worktree, CancellationToken.None);
                }
                if (_branch is not null)
                {
                    repository.DeleteBranch(_branch);
                }
            }
            catch (Exception e) when (e is GitCommandException or LibGit2Sharp.LibGit2SharpException or IOException)
            {
                logger.LogWarning(e, "Could not remove the worktree or branch of self-modify run {RunId}", RunId);
            }
        }
    }
}
