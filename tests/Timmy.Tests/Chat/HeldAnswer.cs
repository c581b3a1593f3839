using Timmy.Tests.Infrastructure;
using Timmy.Tests.Router.Fakes;

namespace Timmy.Tests.Chat;

/// <summary>Doing something while Timmy waits for an answer that the fake Ollama holds (<see cref="FakeReply.Held"/>).</summary>
public static class HeldAnswer
{
    /// <summary>Waits until the fake has received <paramref name="requests"/> chat requests, runs
    /// <paramref name="meanwhile"/>, then lets the held answers go.</summary>
    public static async Task WhileHeldAsync(this FakeOllamaServer ollama, Func<Task> meanwhile, int requests = 1)
    {
        try
        {
            await Eventually.TrueAsync(() => Task.FromResult(ollama.ChatRequests >= requests), "the held chat request");
            await meanwhile();
        }
        finally
        {
            ollama.ReleaseHeld.TrySetResult();
        }
    }
}
