using System.Text.Json;
using System.Text.Json.Nodes;

namespace Timmy.Core.SelfModify;

/// <summary>Reads the model's answer into a <see cref="ChangeSet"/>. The answer should be one JSON object
/// (<see cref="SelfModifyPrompt"/> asks for it); a code fence or a sentence around it is tolerated. Anything unusable is a
/// <see cref="FormatException"/> whose message is fed back to the model.</summary>
public static class ChangeSetParser
{
    public static ChangeSet Parse(string answer)
    {
        var start = answer.IndexOf('{');
        var end = answer.LastIndexOf('}');
        if (start < 0 || end <= start)
        {
            throw new FormatException("the answer holds no JSON object");
        }
        JsonObject root;
        try
        {
            root = JsonNode.Parse(answer[start..(end + 1)]) as JsonObject ?? throw new FormatException("the answer is not a JSON object");
        }
        catch (JsonException e)
        {
            throw new FormatException($"the answer is not valid JSON ({e.Message})");
        }
        var summary = Text(root, "summary") ?? Text(root, "description");
        if (string.IsNullOrWhiteSpace(summary))
        {
            throw new FormatException("\"summary\" is missing: say in a sentence or two what the change does");
        }
        if (Text(root, "diff") is { Length: > 0 } diff)
        {
            if (!diff.Contains("@@", StringComparison.Ordinal) || UnifiedDiffPaths.Of(diff).Count == 0)
            {
                throw new FormatException("\"diff\" is not a unified diff with ---/+++ headers and @@ hunks");
            }
            return new ChangeSet(summary.Trim(), [], diff.EndsWith('\n') ? diff : diff + "\n");
        }
        if (root["files"] is not JsonArray files || files.Count == 0)
        {
            throw new FormatException("give either \"files\" (a non-empty list of {\"path\", \"content\"}) or \"diff\"");
        }
        var changes = new List<FileChange>();
        foreach (var node in files)
        {
            if (node is not JsonObject file || Text(file, "path") is not { Length: > 0 } path)
            {
                throw new FormatException("every entry of \"files\" needs a \"path\"");
            }
            var delete = file["delete"] is JsonValue d && d.TryGetValue<bool>(out var flag) && flag;
            var content = Text(file, "content");
            if (!delete && content is null)
            {
                throw new FormatException($"\"{path}\" has no \"content\" (the whole new file) and is not marked \"delete\": true");
            }
            changes.Add(new FileChange(path.Trim(), delete ? null : content, delete));
        }
        if (changes.Select(c => c.Path).Distinct().Count() != changes.Count)
        {
            throw new FormatException("a path appears twice in \"files\"");
        }
        return new ChangeSet(summary.Trim(), changes, null);
    }

    private static string? Text(JsonObject node, string name) =>
        node[name] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}
