using Microsoft.Extensions.Options;
using Timmy.Core.Storage;
using Timmy.Core.Upgrades.Git;

namespace Timmy.Core.Upgrades;

/// <summary>Which repository and branch upgrades change, and where their worktrees go: the configured repository, or
/// the git checkout the product runs from. <see cref="Problem"/> says why there is none.</summary>
public sealed class UpgradeTarget
{
    private readonly Lazy<(string? Repository, string? Problem)> _resolved;
    private readonly IOptionsMonitor<UpgradesOptions> _options;
    private readonly IOptions<StorageOptions> _storage;

    public UpgradeTarget(IOptionsMonitor<UpgradesOptions> options, IOptions<StorageOptions> storage)
    {
        _options = options;
        _storage = storage;
        _resolved = new Lazy<(string?, string?)>(Resolve);
    }

    /// <summary>The repository's root, or null (see <see cref="Problem"/>).</summary>
    public string? Repository => _resolved.Value.Repository;

    public string? Problem => _resolved.Value.Problem;

    public string WorktreeDirectory => Path.GetFullPath(
        string.IsNullOrWhiteSpace(_options.CurrentValue.WorktreeDirectory)
            ? Path.Combine(_storage.Value.DataDirectory, "upgrades", "worktrees")
            : _options.CurrentValue.WorktreeDirectory);

    /// <exception cref="UpgradeRepositoryUnavailableException">There is no repository to change.</exception>
    public UpgradeRepository Open() =>
        Repository is { } path ? new UpgradeRepository(path) : throw new UpgradeRepositoryUnavailableException(Problem ?? "no repository");

    public string TargetBranch(UpgradeRepository repository) => repository.TargetBranch(_options.CurrentValue.TargetBranch);

    private (string?, string?) Resolve()
    {
        var configured = _options.CurrentValue.Repository;
        if (!string.IsNullOrWhiteSpace(configured))
        {
            var full = Path.GetFullPath(configured);
            return UpgradeRepository.IsRepository(full)
                ? (full, null)
                : (null, $"{UpgradesOptions.SectionName}:Repository ({full}) is not a git repository.");
        }
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            if (UpgradeRepository.Discover(start) is { } found)
            {
                return (found, null);
            }
        }
        return (null, $"Timmy is not running from a git checkout and {UpgradesOptions.SectionName}:Repository is not set.");
    }
}
