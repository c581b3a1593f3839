using System.Globalization;
using Timmy.Core.Memory;

namespace Timmy.Web.Components.Memory;

/// <summary>How the memory's pages write kinds, owners, ages, sizes and scores, so every part says them the same way.</summary>
public static class MemoryFormat
{
    public static string EntryUrl(string id) => "/memory/" + Uri.EscapeDataString(id);

    /// <summary>Who an entry belongs to: an agent's id, or "owner".</summary>
    public static string Owner(string? agentId) => agentId ?? MemoryFilter.OwnerAgentId;

    public static string TypeIcon(string type) => type switch
    {
        MemoryContextTypes.Conversation => "💬",
        MemoryContextTypes.Fact => "📌",
        MemoryContextTypes.Document => "📄",
        _ => "•",
    };

    /// <summary>A fused score (0..1) as a percentage: "83 %".</summary>
    public static string Score(double score) => Math.Round(score * 100).ToString("0", CultureInfo.InvariantCulture) + " %";

    public static string Similarity(double similarity) => similarity.ToString("0.00", CultureInfo.InvariantCulture);

    /// <summary>The search's signals in the page's words: the semantic one matched by meaning, the full-text one by words.</summary>
    public static string Signal(string signal) => signal switch
    {
        "semantic" => "meaning",
        "lexical" => "words",
        _ => signal,
    };

    /// <summary>"just now", "5 min ago", "3 h ago", "2 days ago", then the date.</summary>
    public static string Ago(DateTimeOffset then, DateTimeOffset now)
    {
        var age = now - then;
        return age.TotalSeconds switch
        {
            < 45 => "just now",
            < 3600 => $"{Math.Max(1, (int)Math.Round(age.TotalMinutes))} min ago",
            < 86_400 => $"{(int)age.TotalHours} h ago",
            < 86_400 * 30 => (int)age.TotalDays == 1 ? "yesterday" : $"{(int)age.TotalDays} days ago",
            _ => then.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        };
    }

    /// <summary>"812 B", "14.2 KB", "3.1 MB".</summary>
    public static string Bytes(long bytes) => bytes switch
    {
        < 1024 => $"{bytes} B",
        < 1024 * 1024 => (bytes / 1024.0).ToString("0.0", CultureInfo.InvariantCulture) + " KB",
        _ => (bytes / (1024.0 * 1024)).ToString("0.0", CultureInfo.InvariantCulture) + " MB",
    };
}
