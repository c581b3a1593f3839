using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using Timmy.Core.Lightning.L402;

namespace Timmy.Web.Api.Lightning.L402;

/// <summary>How many challenges (each an invoice in the ledger) one client address may ask for in a minute
/// (<c>Timmy:Lightning:L402:ChallengesPerMinutePerClient</c>), so that nobody floods the ledger with invoices.</summary>
public sealed class L402ChallengeLimiter : IDisposable
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);
    private readonly PartitionedRateLimiter<string> _limiter;

    public L402ChallengeLimiter(IOptions<L402Options> options)
    {
        var perMinute = options.Value.ChallengesPerMinutePerClient;
        _limiter = PartitionedRateLimiter.Create<string, string>(client => RateLimitPartition.GetFixedWindowLimiter(
            client, _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = Window, QueueLimit = 0 }));
    }

    /// <summary>Takes one challenge from <paramref name="client"/>'s allowance; when it is used up, false and how long
    /// to wait.</summary>
    public bool TryTake(string client, out TimeSpan retryAfter)
    {
        using var lease = _limiter.AttemptAcquire(client);
        retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : Window;
        return lease.IsAcquired;
    }

    public void Dispose() => _limiter.Dispose();
}
