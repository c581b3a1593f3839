using System.Diagnostics;

namespace Timmy.Tests.Router;

/// <summary>Bounded polling for work that finishes on another thread (no fixed sleeps).</summary>
public static class Wait
{
    public static async Task UntilAsync(Func<Task<bool>> condition, string what, int timeoutMs = 10_000)
    {
        var clock = Stopwatch.StartNew();
        while (!await condition())
        {
            if (clock.ElapsedMilliseconds > timeoutMs)
            {
                throw new TimeoutException($"Gave up waiting for {what} after {timeoutMs} ms.");
            }
            await Task.Yield();
            Thread.Sleep(5);
        }
    }

    public static Task UntilAsync(Func<bool> condition, string what, int timeoutMs = 10_000) =>
        UntilAsync(() => Task.FromResult(condition()), what, timeoutMs);
}
