using Timmy.Core.Chat;
using Timmy.Core.Refusals;
using Timmy.Core.Router;
using Timmy.Web.Api.Chat;

namespace Timmy.Web.Cli;

/// <summary>
/// <c>timmy chat "message"</c> asks once in a new conversation and prints the answer; <c>timmy chat</c> opens
/// a prompt (<c>/new</c> starts another conversation, <c>/exit</c> or end of input quits). Runs in process
/// against the same data folder and router settings as the server, so no server needs to be running.
/// The CLI loads the owner's provider overrides but does not write router metrics (a running server owns them).
/// </summary>
public sealed class ChatCommand(ChatFlow chat, TextReader input, TextWriter output, TextWriter error)
{
    public const int NoAnswerExitCode = 3;

    public const string ReplHelp = "Talk to Timmy. /new starts a new conversation, /exit quits.";

    /// <summary>The message to send once, or null for the interactive prompt.</summary>
    public static string? MessageFrom(IReadOnlyList<string> verbArguments)
    {
        var text = string.Join(' ', verbArguments).Trim();
        return text.Length == 0 ? null : text;
    }

    public static async Task<int> RunAsync(WebApplication app, string[] verbArguments)
    {
        var router = app.Services.GetRequiredService<RouterService>();
        await router.InitializeAsync();
        var command = new ChatCommand(app.Services.GetRequiredService<ChatFlow>(), Console.In, Console.Out, Console.Error);
        using var interrupt = new ConsoleInterrupt();
        try
        {
            return MessageFrom(verbArguments) is { } message
                ? await command.AskOnceAsync(message, interrupt.Token)
                : await command.ReplAsync(() => interrupt.Renew());
        }
        finally
        {
            await router.FlushHistoryAsync();
        }
    }

    public async Task<int> AskOnceAsync(string message, CancellationToken cancellationToken)
    {
        try
        {
            var answer = await AskAsync(null, message, cancellationToken);
            return answer?.IsError == false ? 0 : NoAnswerExitCode;
        }
        catch (InvalidFieldException ex)
        {
            await error.WriteLineAsync(ex.Message);
            return 2;
        }
    }

    /// <summary>The prompt loop; <paramref name="nextToken"/> gives each answer a fresh cancellation token.</summary>
    public async Task<int> ReplAsync(Func<CancellationToken> nextToken)
    {
        await output.WriteLineAsync(ReplHelp);
        string? conversation = null;
        while (true)
        {
            await output.WriteAsync("you> ");
            await output.FlushAsync();
            var line = await input.ReadLineAsync();
            if (line is null || line.Trim() is "/exit" or "/quit")
            {
                await output.WriteLineAsync();
                return 0;
            }
            var text = line.Trim();
            if (text.Length == 0)
            {
                continue;
            }
            if (text == "/new")
            {
                conversation = null;
                await output.WriteLineAsync("(new conversation)");
                continue;
            }
            try
            {
                conversation = (await AskAsync(conversation, text, nextToken()))?.ConversationId;
            }
            catch (InvalidFieldException ex)
            {
                await error.WriteLineAsync(ex.Message);
            }
            catch (OperationCanceledException)
            {
                await output.WriteLineAsync();
                await output.WriteLineAsync("(cancelled)");
            }
        }
    }

    /// <summary>Asks through the one chat flow (the owner at the terminal has no rate limit) and prints the answer
    /// as it streams; null when there is none because the conversation is gone (deleted from the dashboard
    /// meanwhile), so the next message starts a new one.</summary>
    /// <exception cref="InvalidFieldException">The message is empty or too long.</exception>
    private async Task<ChatAnswer?> AskAsync(string? conversationId, string message, CancellationToken cancellationToken)
    {
        try
        {
            return await StreamAnswerAsync(conversationId, message, cancellationToken);
        }
        catch (Exception ex) when (ex is ConversationNotFoundException or ConversationDeletedException)
        {
            await output.WriteLineAsync();
            await error.WriteLineAsync(ex.Message + " The next message starts a new conversation.");
            return null;
        }
    }

    private async Task<ChatAnswer?> StreamAnswerAsync(string? conversationId, string message, CancellationToken cancellationToken)
    {
        var turn = await chat.BeginAsync(conversationId, message, caller: null, cancellationToken);
        await output.WriteAsync("timmy> ");
        ChatAnswer? answer = null;
        await foreach (var update in chat.StreamAsync(turn, cancellationToken))
        {
            if (update.Text is { } text)
            {
                await output.WriteAsync(text);
                await output.FlushAsync(cancellationToken);
            }
            answer = update.Answer ?? answer;
        }
        await output.WriteLineAsync();
        if (answer is { IsError: true })
        {
            await error.WriteLineAsync(answer.Message.Content);
        }
        else if (answer is not null)
        {
            var m = answer.Message;
            await error.WriteLineAsync($"({m.Provider} · {m.Model} · {m.LatencyMs:0} ms{(m.FallbackUsed ? " · fallback" : "")})");
        }
        return answer;
    }
}
