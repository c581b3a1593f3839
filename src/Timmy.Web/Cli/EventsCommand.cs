using Timmy.Core.Events;

namespace Timmy.Web.Cli;

/// <summary><c>timmy events verify</c> walks the event log's hash chain in the data folder; <c>timmy events verify
/// --file &lt;export.jsonl&gt;</c> checks a JSON Lines export offline. Prints one line; exit code 0 when intact, 1 when broken,
/// 2 for a wrong use.</summary>
public static class EventsCommand
{
    public const int BrokenExitCode = 1;
    public const int UsageExitCode = 2;

    public static async Task<int> RunAsync(EventReader events, IReadOnlyList<string> arguments, TextWriter output, TextWriter error)
    {
        if (arguments is not ["verify"] and not ["verify", "--file", _])
        {
            await error.WriteLineAsync("Usage: timmy events verify [--file export.jsonl]");
            return UsageExitCode;
        }
        ChainVerification result;
        if (arguments.Count == 3)
        {
            try
            {
                using var file = File.OpenText(arguments[2]);
                result = await EventExportVerifier.VerifyAsync(file);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidDataException)
            {
                await error.WriteLineAsync($"Cannot verify '{arguments[2]}': {ex.Message}");
                return UsageExitCode;
            }
        }
        else
        {
            result = await events.VerifyChainAsync();
        }
        await (result.Intact ? output : error).WriteLineAsync(result.Summary);
        return result.Intact ? 0 : BrokenExitCode;
    }
}
