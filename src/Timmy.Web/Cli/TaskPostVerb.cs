using System.Globalization;
using Timmy.Web.Api.Swarm;

namespace Timmy.Web.Cli;

/// <summary><c>timmy task post "…" [--max-bid N] [--wait]</c>: posts a task to the running server's swarm. With
/// <c>--wait</c> it follows the task (its progress on the error stream) until it finishes and prints the result
/// (Markdown, as text) or the error; exit code 1 when the task failed or was cancelled.</summary>
public sealed class TaskPostVerb(SwarmApiClient api, TextWriter output, TextWriter error, TimeProvider time)
{
    public static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(500);

    public async Task<int> RunAsync(CliOptions options, CancellationToken cancellationToken)
    {
        var description = string.Join(' ', options.Words.Skip(1)).Trim();
        if (description.Length == 0)
        {
            return await SwarmCommand.MisuseAsync(error, "Say what the task is: timmy task post \"Summarize the release notes\"");
        }
        long? maxBid = null;
        if (options.Value("--max-bid") is { } text)
        {
            if (!long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var sats) || sats < 1)
            {
                return await SwarmCommand.MisuseAsync(error, $"--max-bid must be a positive whole number of sats (got '{text}').");
            }
            maxBid = sats;
        }
        var task = await api.PostTaskAsync(description, maxBid, cancellationToken);
        if (!options.Has("--wait"))
        {
            await output.WriteLineAsync($"Task {task.Id} posted: {task.Status}, max bid {task.MaxBidSats} sats.");
            return 0;
        }
        await error.WriteLineAsync($"Task {task.Id} posted (max bid {task.MaxBidSats} sats); waiting for the swarm…");
        return await FollowAsync(task, cancellationToken);
    }

    private async Task<int> FollowAsync(TaskDto task, CancellationToken cancellationToken)
    {
        var shown = "";
        while (true)
        {
            var progress = Progress(task);
            if (progress != shown)
            {
                await error.WriteLineAsync(progress);
                shown = progress;
            }
            switch (task.Status)
            {
                case "completed":
                    await output.WriteLineAsync(task.Result);
                    return 0;
                case "failed":
                case "cancelled":
                    await error.WriteLineAsync($"Task {task.Id} {task.Status}: {task.Error ?? "no reason given"}");
                    return SwarmCommand.FailedExitCode;
            }
            await Task.Delay(PollInterval, time, cancellationToken);
            task = await api.GetTaskAsync(task.Id, cancellationToken);
        }
    }

    private static string Progress(TaskDto task) => task.AssignedAgent is { } agent
        ? $"  {task.Status}: {agent} for {task.WinningBidSats} sats"
        : $"  {task.Status}";
}
