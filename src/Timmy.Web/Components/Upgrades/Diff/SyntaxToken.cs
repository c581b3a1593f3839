namespace Timmy.Web.Components.Upgrades.Diff;

/// <summary>A piece of a code line and what it is: <see cref="Plain"/>, <see cref="Keyword"/>, <see cref="String"/>,
/// <see cref="Comment"/> or <see cref="Number"/> (the class names the diff's scoped CSS colours).</summary>
public sealed record SyntaxToken(string Kind, string Text)
{
    public const string Plain = "";
    public const string Keyword = "tok-kw";
    public const string String = "tok-str";
    public const string Comment = "tok-com";
    public const string Number = "tok-num";
}
