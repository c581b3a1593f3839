using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Timmy.Core.Lightning.Budgets;
using Timmy.Core.Lightning.L402;
using Timmy.Core.Lightning.Ledger;
using Timmy.Core.Lightning.Nodes;
using Timmy.Core.Lightning.Nodes.Simulated;
using Timmy.Core.Lightning.Payouts;
using Timmy.Core.Lightning.SwarmTools;
using Timmy.Core.Storage;
using Timmy.Core.Swarm;
using Timmy.Core.Swarm.Execution;

namespace Timmy.Core.Lightning;

public static class LightningServiceCollectionExtensions
{
    /// <summary>The node the connection string names, the ledger and its service, budgets, the settlement watcher and
    /// the reconciler, and the swarm's payout in sats (replacing the swarm's earnings-only payout) with the agents'
    /// Lightning tools. Needs <c>AddStorage()</c>, <c>AddEvents()</c> and <c>AddSwarm()</c> first.</summary>
    public static IServiceCollection AddLightning(this IServiceCollection services)
    {
        services.AddOptions<LightningOptions>().BindConfiguration(LightningOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<LightningOptions>, ValidateLightningOptions>();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ILightningNode>(CreateNode);
        services.TryAddSingleton<ILedgerStore, SqliteLedgerStore>();
        services.TryAddSingleton<IBudgetStore, SqliteBudgetStore>();
        services.AddSingleton<BudgetService>();
        services.AddSingleton<LedgerService>();
        services.AddSingleton<LightningNodeStatus>();
        services.TryAddSingleton<IL402Ledger, LedgerL402Invoices>();
        services.AddSingleton<LedgerReconciler>();
        services.AddHostedService(sp => sp.GetRequiredService<LedgerReconciler>());
        services.AddHostedService<SettlementWatcher>();
        services.AddSingleton<PayoutSender>();
        services.AddHostedService(sp => sp.GetRequiredService<PayoutSender>());
        services.Replace(ServiceDescriptor.Singleton<ITaskPayout, LightningTaskPayout>());
        services.AddSingleton<ISwarmToolSource, LightningTools>();
        return services;
    }

    /// <summary>The node named by <see cref="LightningOptions.ConnectionString"/>: the simulated one on this database,
    /// or a REST client of a real node.</summary>
    private static ILightningNode CreateNode(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<LightningOptions>>().Value;
        var connection = LightningConnectionString.Parse(options.ConnectionString);
        var time = services.GetRequiredService<TimeProvider>();
        return connection.Type == LightningNodeKind.Simulated
            ? new SimulatedLightningNode(SimulatedLightningNode.LocalName, services.GetRequiredService<IDbConnectionFactory>(), time, options.SimulatedStartingBalanceSats)
            : LightningNodeClients.Create(connection, null, time);
    }
}
