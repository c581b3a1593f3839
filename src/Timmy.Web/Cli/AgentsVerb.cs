using System.Globalization;

namespace Timmy.Web.Cli;

/// <summary><c>timmy agents</c>: every agent of the running server's swarm with its record, one a line.</summary>
public sealed class AgentsVerb(SwarmApiClient api, TextWriter output)
{
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var agents = await api.ListAgentsAsync(cancellationToken);
        await output.WriteLineAsync($"{"ID",-16}  {"KIND",-7}  {"STATUS",-7}  {"WON",5}  {"DONE",5}  {"FAILED",6}  {"SUCCESS",7}  {"EARNED",8}  {"LOAD",4}");
        foreach (var agent in agents)
        {
            var stats = agent.Stats;
            var success = stats.SuccessRate is { } rate ? string.Create(CultureInfo.InvariantCulture, $"{rate * 100:0}%") : "-";
            await output.WriteLineAsync(
                $"{agent.Id,-16}  {agent.Kind,-7}  {agent.Status,-7}  {stats.TasksWon,5}  {stats.TasksCompleted,5}  {stats.TasksFailed,6}  " +
                $"{success,7}  {stats.SatsEarned,8}  {agent.ActiveTasks,4}");
        }
        return 0;
    }
}
