namespace Timmy.Core.SelfModify;

/// <summary>The model's answer wrote where a change may not (outside the allowed directories, through a symbolic link,
/// into .git, outside the repository). The whole answer is refused and the run ends; nothing is written.</summary>
public sealed class ChangeRefusedException(string path, string reason) : Exception($"Refused '{path}': {reason}.")
{
    public string RefusedPath { get; } = path;
}
