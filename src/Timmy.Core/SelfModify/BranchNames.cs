using System.Text;

namespace Timmy.Core.SelfModify;

/// <summary>A proposal's branch: <c>self-modify/&lt;slug&gt;-&lt;short id&gt;</c>, the slug made of the instruction's first
/// words (lower case ASCII letters and digits joined by '-'), the short id the end of the upgrade's id.</summary>
public static class BranchNames
{
    public const string Prefix = "self-modify/";
    private const int MaxSlug = 40;

    public static string For(string instruction, string upgradeId) => $"{Prefix}{Slug(instruction)}-{ShortId(upgradeId)}";

    public static string ShortId(string upgradeId)
    {
        var hex = upgradeId.Replace("-", "", StringComparison.Ordinal);
        return hex[^8..];
    }

    public static string Slug(string text)
    {
        var slug = new StringBuilder();
        foreach (var c in text.ToLowerInvariant())
        {
            if (c is >= 'a' and <= 'z' or >= '0' and <= '9')
            {
                slug.Append(c);
            }
            else if (slug.Length > 0 && slug[^1] != '-')
            {
                slug.Append('-');
            }
            if (slug.Length >= MaxSlug)
            {
                break;
            }
        }
        var result = slug.ToString().Trim('-');
        return result.Length == 0 ? "change" : result;
    }
}
