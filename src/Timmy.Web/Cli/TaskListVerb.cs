namespace Timmy.Web.Cli;

/// <summary><c>timmy task list [--status S]… [--limit N]</c>: the newest tasks on the running server, one a line.</summary>
public sealed class TaskListVerb(SwarmApiClient api, TextWriter output)
{
    public const int DescriptionWidth = 60;

    public async Task<int> RunAsync(CliOptions options, CancellationToken cancellationToken)
    {
        var page = await api.ListTasksAsync(options.All("--status"), options.Value("--limit"), cancellationToken);
        if (page.Items.Count == 0)
        {
            await output.WriteLineAsync("No tasks.");
            return 0;
        }
        await output.WriteLineAsync($"{"ID",-36}  {"STATUS",-9}  {"AGENT",-16}  {"SATS",6}  DESCRIPTION");
        foreach (var task in page.Items)
        {
            await output.WriteLineAsync(
                $"{task.Id,-36}  {task.Status,-9}  {task.AssignedAgent ?? "-",-16}  {task.WinningBidSats?.ToString() ?? "-",6}  {Clip(task.Description)}");
        }
        if (page.Next is not null)
        {
            await output.WriteLineAsync("(more: raise --limit, up to 200)");
        }
        return 0;
    }

    private static string Clip(string text)
    {
        var line = text.ReplaceLineEndings(" ");
        return line.Length <= DescriptionWidth ? line : line[..(DescriptionWidth - 1)] + "…";
    }
}
