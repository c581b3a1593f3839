namespace Timmy.Core.Swarm.Personas;

/// <summary>Builds a persona's system prompt: its own identity and way of working, then the two sentences every
/// persona shares (answer in Markdown; the tools it may use).</summary>
internal static class PersonaPrompt
{
    private const string SharedClosing =
        "Answer in Markdown: headings for longer answers, lists for steps and findings, fenced code blocks for code, " +
        "commands and configuration. You can use the tools you are given: read the swarm's event log to see what other " +
        "agents have done and what happened to earlier tasks, and post a sub-task when part of the work belongs to another " +
        "specialist; say which parts you delegated and why.";

    /// <summary>The persona's sentences followed by the shared closing.</summary>
    public static string Compose(string identity, string method) => $"{identity} {method} {SharedClosing}";
}
