using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Timmy.Core.Security;
using Timmy.Core.Storage;
using Timmy.Core.Upgrades;
using Timmy.Tests.Infrastructure;
using Timmy.Tests.Upgrades.Fakes;

namespace Timmy.Tests.Upgrades.Harness;

/// <summary>The upgrade queue wired by hand, as <c>AddUpgrades()</c> wires it, on a test database and a
/// <see cref="TempGitRepository"/> (its worktrees beside it), on fake time, with the approval PIN <see cref="Pin"/>.</summary>
public sealed class UpgradeHarness : IAsyncDisposable
{
    public const string Pin = "4321";
    public const string Owner = "owner";

    public static readonly TestRunResult PassedTests = new(true, 0, 2, 0, 10, false, TempGitRepository.TestCommand, "2 passed, 0 failed");

    private UpgradeHarness(TestDatabase db, TempGitRepository repo, FakeTimeProvider time)
    {
        Db = db;
        Repo = repo;
        Time = time;
        Options = new UpgradesOptions
        {
            Repository = repo.Path,
            TargetBranch = TempGitRepository.Branch,
            TestCommand = TempGitRepository.TestCommand,
            TestTimeout = TimeSpan.FromMinutes(1),
            WorktreeDirectory = repo.WorktreeDirectory,
            ApprovalPin = Pin,
        };
        var options = new FixedOptionsMonitor<UpgradesOptions>(Options);
        Store = new SqliteUpgradeStore(db.Connections);
        Target = new UpgradeTarget(options, db.Options);
        Passwords = new OwnerPasswordService(new SqliteAuthStore(db.Connections, db.Events), time, NullLogger<OwnerPasswordService>.Instance);
        SecondFactor = new ApprovalSecondFactor(Passwords, options, time);
        Queue = new UpgradeApplyQueue();
        Tests = new TestCommandRunner(options);
        Service = new UpgradeService(db.Connections, Store, db.Events, Target, SecondFactor, Queue, options, time, NullLogger<UpgradeService>.Instance);
        Applier = new UpgradeApplier(Service, Queue, Tests, time, NullLogger<UpgradeApplier>.Instance);
        Maintenance = new UpgradeMaintenance(Service, Queue, options, time, NullLogger<UpgradeMaintenance>.Instance);
    }

    public TestDatabase Db { get; }
    public TempGitRepository Repo { get; }
    public FakeTimeProvider Time { get; }
    public UpgradesOptions Options { get; }
    public SqliteUpgradeStore Store { get; }
    public UpgradeTarget Target { get; }
    public OwnerPasswordService Passwords { get; }
    public ApprovalSecondFactor SecondFactor { get; }
    public UpgradeApplyQueue Queue { get; }
    public TestCommandRunner Tests { get; }
    public UpgradeService Service { get; }
    public UpgradeApplier Applier { get; }
    public UpgradeMaintenance Maintenance { get; }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static async Task<UpgradeHarness> CreateAsync()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));
        return new UpgradeHarness(await TestDatabase.CreateAsync(time), TempGitRepository.Create(), time);
    }

    /// <summary>A branch off main's tip with <paramref name="files"/> changed, in a worktree, handed to the queue as the
    /// loop hands it (naming <paramref name="claimedWorktree"/> as its worktree when given).</summary>
    public async Task<Upgrade> ProposeAsync(IReadOnlyDictionary<string, string> files, TestRunResult? tests = null, string? claimedWorktree = null)
    {
        var id = SortableIds.New(Time);
        var branch = "upgrade/" + id;
        var baseCommit = Repo.Head(TempGitRepository.Branch);
        var (commit, worktree) = Repo.Propose(branch, files);
        return await Service.ProposeAsync(new NewProposal("Add a subtract verb", "Adds sub to the calculator.", branch, baseCommit, commit,
            TempGitRepository.Branch, claimedWorktree ?? worktree, tests ?? PassedTests) { Id = id, Actor = "timmy" }, Ct);
    }

    /// <summary>A proposal that changes <c>src/calc.sh</c> to <paramref name="calc"/>.</summary>
    public Task<Upgrade> ProposeAsync(string calc, TestRunResult? tests = null) => ProposeAsync(CalcChanges.Files(calc), tests);

    /// <summary>A proposal that changes <c>src/calc.sh</c> to <paramref name="calc"/>, approved by <see cref="Owner"/>
    /// (its apply queued).</summary>
    public async Task<Upgrade> ProposeApprovedAsync(string calc) => await ApproveAsync((await ProposeAsync(calc)).Id);

    public Task<Upgrade> ApproveAsync(string id) => Service.ApproveAsync(id, Owner, Pin, null, Ct);

    public Task<Upgrade> ApplyAsync(string id) => Applier.ApplyAsync(id, Ct);

    public Task<Upgrade> GetAsync(string id) => Service.GetAsync(id, Ct);

    /// <summary>The stored events of <paramref name="type"/>, oldest first.</summary>
    public async Task<IReadOnlyList<Timmy.Core.Events.EventRecord>> EventsAsync(string type) =>
        (await Db.StoredEventsAsync()).Where(e => e.EventType == type).ToList();

    public async ValueTask DisposeAsync()
    {
        await Db.DisposeAsync();
        Repo.Dispose();
    }
}
