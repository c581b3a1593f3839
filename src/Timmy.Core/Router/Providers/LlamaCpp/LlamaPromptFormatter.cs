using System.Text;
using Microsoft.Extensions.AI;

namespace Timmy.Core.Router.Providers.LlamaCpp;

/// <summary>Turns chat messages into the one prompt string a llama.cpp model reads: the model's own
/// chat template when it has one llama.cpp knows, otherwise a plain "Role: text" transcript ending in
/// "Assistant:". Only text content is used; other content kinds are dropped.</summary>
internal static class LlamaPromptFormatter
{
    public static IReadOnlyList<(string Role, string Content)> Turns(IEnumerable<ChatMessage> messages) =>
        messages
            .Select(m => (Role: m.Role.Value, Content: m.Text))
            .Where(t => !string.IsNullOrEmpty(t.Content))
            .ToList();

    /// <summary>The prompt, and whether it came from the model's template (then special tokens in it
    /// are meant to be parsed as such).</summary>
    public static (string Prompt, bool FromTemplate) Format(LlamaModelSession session, IReadOnlyList<(string Role, string Content)> turns)
    {
        var templated = session.ApplyChatTemplate(turns);
        return templated is not null ? (templated, true) : (Plain(turns), false);
    }

    public static string Plain(IReadOnlyList<(string Role, string Content)> turns)
    {
        var text = new StringBuilder();
        foreach (var (role, content) in turns)
            text.Append(Label(role)).Append(": ").Append(content.Trim()).Append("\n\n");
        return text.Append("Assistant:").ToString();
    }

    private static string Label(string role) =>
        role.Length == 0 ? "User" : char.ToUpperInvariant(role[0]) + role[1..];
}
