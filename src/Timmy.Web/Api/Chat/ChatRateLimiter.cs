using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using Timmy.Core.Chat;

namespace Timmy.Web.Api.Chat;

/// <summary>The chat allowance (<c>Timmy:Chat:RequestsPerMinute</c>) per signed-in owner or token, else per
/// address. One limiter, so the chat API, its stream and the home page's plain form share one allowance.</summary>
public sealed class ChatRateLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter;

    public ChatRateLimiter(IOptions<ChatAgentOptions> options)
    {
        var perMinute = options.Value.RequestsPerMinute;
        _limiter = PartitionedRateLimiter.Create<string, string>(caller => RateLimitPartition.GetFixedWindowLimiter(
            caller, _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
    }

    public const string RefusedMessage = "Too many questions in a minute: wait a moment and ask again.";

    /// <summary>Takes one question from <paramref name="caller"/>'s allowance (see <see cref="CallerOf"/>); false when it is used up.</summary>
    public bool TryTake(string caller)
    {
        using var lease = _limiter.AttemptAcquire(caller);
        return lease.IsAcquired;
    }

    public void Dispose() => _limiter.Dispose();

    /// <summary>Whose allowance a request takes from: the signed-in owner's or the token's, else its address's.</summary>
    public static string CallerOf(HttpContext context) =>
        context.User.Identity?.IsAuthenticated == true
            ? "user:" + context.User.Identity.Name
            : "ip:" + context.Connection.RemoteIpAddress;
}
