using Microsoft.Extensions.AI;

namespace Timmy.Core.Agents;

/// <summary>Fits a conversation into a token budget by dropping the oldest turns. The system prompt and the
/// newest message are always kept; a user message is never kept without the turns after it.</summary>
public static class ContextTrimmer
{
    /// <summary>The system prompt followed by the newest turns of <paramref name="history"/> that fit in
    /// <paramref name="budgetTokens"/> (estimated with <see cref="TokenEstimator"/>).</summary>
    public static IReadOnlyList<ChatMessage> Trim(ChatMessage system, IReadOnlyList<ChatMessage> history, int budgetTokens)
    {
        var used = TokenEstimator.Estimate(system);
        var start = history.Count;
        for (var i = history.Count - 1; i >= 0; i--)
        {
            var cost = TokenEstimator.Estimate(history[i]);
            if (start < history.Count && used + cost > budgetTokens)
            {
                break;
            }
            used += cost;
            start = i;
        }
        // Do not open with an orphaned answer: the model would see a reply to a question it cannot see.
        while (start < history.Count - 1 && history[start].Role != ChatRole.User)
        {
            start++;
        }
        var kept = new List<ChatMessage>(history.Count - start + 1) { system };
        for (var i = start; i < history.Count; i++)
        {
            kept.Add(history[i]);
        }
        return kept;
    }
}
