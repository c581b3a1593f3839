using System.Text;
using Microsoft.Extensions.AI;

namespace Timmy.Core.SelfModify;

/// <summary>What the loop tells the model: the rules of the answer, the instruction and the files it may change; then,
/// on a retry, why the last answer did not do.</summary>
public static class SelfModifyPrompt
{
    public static List<ChatMessage> Start(string instruction, IReadOnlyList<(string Path, string Content)> files, IReadOnlyList<string> allowedDirectories)
    {
        var system = $$"""
            You change a software repository on request. Answer with ONE JSON object and nothing else, in one of two forms:
            {"summary": "what the change does and why, in one or two sentences", "files": [{"path": "dir/file.ext", "content": "the whole new file"}]}
            {"summary": "...", "diff": "a unified diff with --- a/path and +++ b/path headers and @@ hunks"}
            To delete a file: {"path": "...", "delete": true}. Paths are relative to the repository root, use '/', and must be
            inside these directories: {{string.Join(", ", allowedDirectories)}}. Never touch .git. Keep the change as small as the
            request allows, and keep the tests passing.
            """;
        var user = new StringBuilder().AppendLine("Request: " + instruction.Trim()).AppendLine();
        if (files.Count == 0)
        {
            user.AppendLine("No existing file looked relevant; create the files the request needs.");
        }
        foreach (var (path, content) in files)
        {
            user.AppendLine($"=== {path} ===").AppendLine(content.TrimEnd()).AppendLine($"=== end of {path} ===").AppendLine();
        }
        return [new ChatMessage(ChatRole.System, system), new ChatMessage(ChatRole.User, user.ToString())];
    }

    public static ChatMessage Unusable(string reason) =>
        new(ChatRole.User, $"That answer could not be used: {reason}. Answer again with the JSON object only.");

    public static ChatMessage TestsFailed(string summary, string outputTail) =>
        new(ChatRole.User, $"""
            With that change the build-and-test command failed ({summary}). The end of its output:
            {outputTail}
            Answer again with the complete corrected change (the same JSON form), starting from the original files.
            """);
}
