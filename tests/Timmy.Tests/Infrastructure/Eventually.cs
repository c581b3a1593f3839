namespace Timmy.Tests.Infrastructure;

/// <summary>Polls a condition until it holds or a generous deadline passes (no fixed sleeps in tests).</summary>
public static class Eventually
{
    public static async Task TrueAsync(Func<Task<bool>> condition, string because, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(10));
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail("Timed out waiting: " + because);
            }
            await Task.Yield();
            await Task.Delay(10);
        }
    }
}
