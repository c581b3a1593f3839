using Microsoft.Extensions.Logging;
using Timmy.Core.Hosting;

namespace Timmy.Core.Security;

/// <summary>Writes the tokens' last-use times every <see cref="Interval"/>, and once more when the host stops.</summary>
public sealed class TokenUseFlushService(TokenUseRecorder recorder, TimeProvider time, ILogger<TokenUseFlushService> logger)
    : PeriodicBackgroundService(time, logger)
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    protected override IReadOnlyList<PeriodicJob> Jobs => [new("Token last-use flush", Interval, recorder.FlushAsync)];

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        try
        {
            await recorder.FlushAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Logger.LogWarning(ex, "Could not store the tokens' last use at shutdown");
        }
    }
}
