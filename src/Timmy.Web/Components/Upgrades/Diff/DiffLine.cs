namespace Timmy.Web.Components.Upgrades.Diff;

/// <summary>One line of a hunk: context (' '), added ('+') or removed ('-'), with its numbers in the old and new file
/// (null on the side it is not in).</summary>
public sealed record DiffLine(char Kind, int? OldNumber, int? NewNumber, string Text)
{
    public const char Context = ' ';
    public const char Added = '+';
    public const char Removed = '-';
}
