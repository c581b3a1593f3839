using Microsoft.Extensions.AI;

namespace Timmy.Core.Router;

/// <summary>Sums the usage a provider reports on streaming updates.</summary>
internal sealed class UsageTotals
{
    public long In { get; private set; }
    public long Out { get; private set; }

    public void Add(ChatResponseUpdate update)
    {
        foreach (var usage in update.Contents.OfType<UsageContent>())
        {
            In += usage.Details.InputTokenCount ?? 0;
            Out += usage.Details.OutputTokenCount ?? 0;
        }
    }
}
