using System.Security.Cryptography;
using Timmy.Core.Lightning.Ledger;
using Timmy.Core.Storage;

namespace Timmy.Tests.Lightning.Ledger;

/// <summary>Ledger entries for store tests: a fresh random preimage and its payment hash each time.</summary>
internal static class LedgerEntries
{
    public static (string Preimage, string Hash) NewSecret()
    {
        var preimage = RandomNumberGenerator.GetBytes(32);
        return (Convert.ToHexStringLower(preimage), Convert.ToHexStringLower(SHA256.HashData(preimage)));
    }

    public static LedgerEntry Pending(TimeProvider time, string direction, long sats, string? hash = null, string? agentId = null, long? maxFee = null)
    {
        var now = time.GetUtcNow();
        return new LedgerEntry(SortableIds.New(time), direction, LedgerStatus.Pending, hash ?? NewSecret().Hash, sats, sats * 1000,
            agentId is null ? LedgerSources.Owner : LedgerSources.Agent, now, now)
        {
            AgentId = agentId,
            MaxFeeSats = direction == LedgerDirection.Outgoing ? maxFee ?? 0 : null,
            Memo = "test",
            ExpiresAt = now.AddHours(1),
        };
    }
}
