using Microsoft.Extensions.AI;

namespace Timmy.Core.Agents;

/// <summary>
/// Estimates prompt size in tokens without a model's tokenizer: one token per four characters (rounded up),
/// plus four tokens per message for the chat template's role markers. Local models use different tokenizers
/// whose vocabularies are not available offline here; for English text BPE tokenizers average about four
/// characters per token, so this errs slightly high on prose and is a budget, not a count.
/// </summary>
public static class TokenEstimator
{
    public const int CharsPerToken = 4;
    public const int PerMessageOverhead = 4;

    public static int Estimate(string text) => (text.Length + CharsPerToken - 1) / CharsPerToken;

    public static int Estimate(ChatMessage message) => Estimate(message.Text) + PerMessageOverhead;
}
