using System.Text.RegularExpressions;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Timmy.Core.Router;

namespace Timmy.Core.Memory.Facts;

/// <summary>Finds the facts the owner states about themself in one chat message. It asks the app's chat
/// client (the cascade router) with <see cref="FactPrompt"/> and reads the answer with <see cref="FactJson"/>;
/// when the client fails or takes longer than the timeout (<see cref="DefaultTimeout"/> unless given), or its
/// answer holds no readable facts, it falls back to <see cref="FactRules"/>. A message shorter than
/// <see cref="MinModelChars"/> characters or without a first-person marker (I, I'm, my, me) never costs a
/// model call. The answer says which path found the facts.</summary>
public sealed partial class OwnerFactExtractor(
    IChatClient chat, TimeProvider time, ILogger<OwnerFactExtractor> logger, TimeSpan? timeout = null)
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(20);
    public const int MinModelChars = 6;

    private static readonly ChatOptions Options = new() { Temperature = 0, MaxOutputTokens = 400 };

    private readonly TimeSpan _timeout = timeout is not { } given ? DefaultTimeout
        : given > TimeSpan.Zero ? given
        : throw new ArgumentOutOfRangeException(nameof(timeout), given, "The fact extraction timeout must be positive.");

    public async Task<FactExtraction> ExtractAsync(string ownerMessage, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ownerMessage);
        if (ownerMessage.Trim().Length < MinModelChars || !FirstPersonMarker().IsMatch(ownerMessage))
        {
            return Rules(ownerMessage);
        }
        using var timeoutSource = new CancellationTokenSource(_timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeoutSource.Token);
        string answer;
        try
        {
            ChatMessage[] messages = [new(ChatRole.System, FactPrompt.System), new(ChatRole.User, ownerMessage)];
            answer = (await chat.GetResponseAsync(messages, Options, linked.Token)).Text;
        }
        catch (OperationCanceledException) when (timeoutSource.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            LogTimedOut(_timeout.TotalSeconds);
            return Rules(ownerMessage);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogModelFailed(ErrorText.Describe(ex));
            return Rules(ownerMessage);
        }
        if (FactJson.Read(answer) is not { } facts)
        {
            LogUnreadable(answer.Length);
            return Rules(ownerMessage);
        }
        return new FactExtraction(facts, ByModel: true);
    }

    private static FactExtraction Rules(string ownerMessage) => new(FactRules.Extract(ownerMessage), ByModel: false);

    [GeneratedRegex(@"\b(?:i|i'm|i’m|my|me)\b", RegexOptions.IgnoreCase)]
    private static partial Regex FirstPersonMarker();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Fact extraction: the model did not answer within {Seconds} s; using the rules")]
    private partial void LogTimedOut(double seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Fact extraction: the model failed ({Error}); using the rules")]
    private partial void LogModelFailed(string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Fact extraction: the model's answer ({Length} chars) held no readable facts; using the rules")]
    private partial void LogUnreadable(int length);
}
