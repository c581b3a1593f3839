using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Timmy.Core.Events;
using Timmy.Core.Security;
using Timmy.Core.Storage;
using Timmy.Core.Upgrades;
using Timmy.Tests.Upgrades.Fakes;

namespace Timmy.E2E.Infrastructure;

/// <summary>The browser fixture with an upgrade queue over a throwaway repository (<see cref="Repository"/>) and the
/// approval PIN <see cref="Pin"/>. <see cref="ProposeAsync"/> puts a proposal in the server's queue as the self-modify
/// loop would, through the queue's own service on the server's database (from this process: the server hears no event
/// of it, so a page shows it when loaded).</summary>
public sealed class UpgradeBrowserFixture : BrowserFixture, IAsyncLifetime
{
    public const string Pin = "4321";

    private ServiceProvider? _services;

    public TempGitRepository Repository { get; } = TempGitRepository.Create();

    protected override IReadOnlyDictionary<string, string> ServerSettings => new Dictionary<string, string>
    {
        ["Timmy__Upgrades__Repository"] = Repository.Path,
        ["Timmy__Upgrades__TestCommand"] = TempGitRepository.TestCommand,
        ["Timmy__Upgrades__WorktreeDirectory"] = Repository.WorktreeDirectory,
        ["Timmy__Upgrades__ApprovalPin"] = Pin,
        ["Timmy__Upgrades__SelfModifyEnabled"] = "true",
        ["Timmy__Upgrades__MaxRetries"] = "0",
    };

    public async Task<Upgrade> ProposeAsync(string branch, string description, IReadOnlyDictionary<string, string>? files = null) =>
        await TestProposals.ProposeAsync(Upgrades(), Repository, branch, description, files);

    public Task<Upgrade?> GetAsync(string id) => Upgrades().Store.GetAsync(id);

    private UpgradeService Upgrades()
    {
        if (_services is null)
        {
            var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Timmy:Storage:DataDirectory"] = Server.DataDirectory,
                ["Timmy:Upgrades:Repository"] = Repository.Path,
                ["Timmy:Upgrades:WorktreeDirectory"] = Repository.WorktreeDirectory,
            }).Build();
            // The queue as the host wires it; its background services are never started here.
            _services = new ServiceCollection().AddLogging().AddSingleton<IConfiguration>(configuration).AddStorage().AddEvents()
                .AddSecurityCore().AddUpgrades().BuildServiceProvider();
        }
        return _services.GetRequiredService<UpgradeService>();
    }

    public new async ValueTask DisposeAsync()
    {
        if (_services is not null)
        {
            await _services.DisposeAsync();
        }
        await base.DisposeAsync();
        Repository.Dispose();
    }
}
