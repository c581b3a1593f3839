using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Timmy.Core.SelfModify;

namespace Timmy.Core.Upgrades;

public static class UpgradesServiceCollectionExtensions
{
    /// <summary>The upgrade queue (store, service, background apply, expiry and start-up recovery) and the self-modify
    /// loop. Needs <c>AddStorage()</c>, <c>AddEvents()</c>, <c>AddTimmyAuth()</c> (the owner password) and
    /// <c>AddRouter()</c> (the loop's model) first.</summary>
    public static IServiceCollection AddUpgrades(this IServiceCollection services)
    {
        services.AddOptions<UpgradesOptions>().BindConfiguration(UpgradesOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<UpgradesOptions>, ValidateUpgradesOptions>();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IUpgradeStore, SqliteUpgradeStore>();
        services.AddSingleton<UpgradeTarget>();
        services.AddSingleton<ApprovalSecondFactor>();
        services.AddSingleton<UpgradeApplyQueue>();
        services.AddSingleton<TestCommandRunner>();
        services.AddSingleton<UpgradeService>();
        services.AddSingleton<UpgradeApplier>();
        services.AddHostedService(sp => sp.GetRequiredService<UpgradeApplier>());
        services.AddSingleton<UpgradeMaintenance>();
        services.AddHostedService(sp => sp.GetRequiredService<UpgradeMaintenance>());
        services.AddSelfModify();
        return services;
    }
}
