using Timmy.Core.Storage.Migrations;

namespace Timmy.Core.Storage;

/// <summary>Every schema step in order. A feature adds its tables by appending a new migration here;
/// released migrations are never edited.</summary>
public static class MigrationCatalog
{
    public static IReadOnlyList<Migration> All { get; } =
    [
        M0001_EventLog.Migration,
        M0002_Auth.Migration,
        M0003_ProviderMetrics.Migration,
        M0004_Chat.Migration,
        M0005_EventChain.Migration,
        M0006_Swarm.Migration,
        M0007_Memory.Migration,
        M0008_Lightning.Migration,
        M0009_Upgrades.Migration,
    ];
}
