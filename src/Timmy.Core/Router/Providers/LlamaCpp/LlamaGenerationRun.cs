using System.Threading.Channels;
using LLama.Native;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;

namespace Timmy.Core.Router.Providers.LlamaCpp;

/// <summary>One request on the worker thread: load (first time), format and tokenize the prompt,
/// generate, and write each text piece to the channel as a <see cref="ChatResponseUpdate"/>, ending
/// with one that carries the finish reason and token counts. Failures and cancellation complete the
/// channel with the exception, which the reader rethrows.</summary>
internal sealed class LlamaGenerationRun(
    IReadOnlyList<(string Role, string Content)> turns,
    LlamaSamplingOptions sampling,
    int maxOutputTokens,
    ChannelWriter<ChatResponseUpdate> writer,
    Func<string?> modelName,
    ILogger logger)
{
    private readonly string responseId = "llamacpp-" + Guid.CreateVersion7().ToString("N");

    public void Execute(Func<LlamaModelSession> load, CancellationToken cancellationToken)
    {
        try
        {
            cancellationToken.ThrowIfCancellationRequested();
            var session = load();
            var (prompt, fromTemplate) = LlamaPromptFormatter.Format(session, turns);
            var tokens = Fit(session.Tokenize(prompt, addSpecial: true, parseSpecial: fromTemplate), session.ContextSize);
            var (produced, hitLimit) = session.Generate(tokens, sampling, maxOutputTokens,
                text => Write(Update(text), cancellationToken), () => TokensOut++, cancellationToken);
            Write(Final(tokens.Length, produced, hitLimit), cancellationToken);
            writer.TryComplete();
        }
        catch (OperationCanceledException e)
        {
            logger.LogInformation("llama.cpp generation cancelled after {Tokens} tokens", TokensOut);
            writer.TryComplete(e);
        }
        catch (Exception e)
        {
            if (e is not LlamaCppUnavailableException)
                logger.LogWarning(e, "llama.cpp generation failed");
            writer.TryComplete(e);
        }
    }

    /// <summary>Tokens generated so far in this run (the answer, not the prompt).</summary>
    public int TokensOut { get; private set; }

    // Runs on the worker thread, which may block here while the reader is behind.
    private void Write(ChatResponseUpdate update, CancellationToken cancellationToken) =>
        writer.WriteAsync(update, cancellationToken).AsTask().GetAwaiter().GetResult();

    // Keep the end of an over-long prompt (the newest turns), leaving room for the answer.
    private LLamaToken[] Fit(LLamaToken[] tokens, int contextSize)
    {
        var budget = contextSize - Math.Min(maxOutputTokens, contextSize / 2);
        if (tokens.Length <= budget)
            return tokens;
        logger.LogWarning("Prompt of {Tokens} tokens cut to the last {Budget} to fit the {Context}-token context",
            tokens.Length, budget, contextSize);
        return tokens[^budget..];
    }

    private ChatResponseUpdate Update(string text) => new(ChatRole.Assistant, text)
    {
        ResponseId = responseId,
        MessageId = responseId,
        ModelId = modelName(),
        CreatedAt = DateTimeOffset.UtcNow,
    };

    private ChatResponseUpdate Final(int inputTokens, int outputTokens, bool hitLimit) => new()
    {
        Role = ChatRole.Assistant,
        ResponseId = responseId,
        MessageId = responseId,
        ModelId = modelName(),
        CreatedAt = DateTimeOffset.UtcNow,
        FinishReason = hitLimit ? ChatFinishReason.Length : ChatFinishReason.Stop,
        Contents =
        [
            new UsageContent(new UsageDetails
            {
                InputTokenCount = inputTokens,
                OutputTokenCount = outputTokens,
                TotalTokenCount = inputTokens + outputTokens,
            }),
        ],
    };
}
