namespace Timmy.Core.Memory.Facts;

/// <summary>The keys of single-valued owner facts: a newer fact with the same key replaces the older one.
/// Any other key a model proposes is dropped (the fact then accumulates).</summary>
public static class FactKeys
{
    public const string Name = "name";
    public const string Location = "location";
    public const string Occupation = "occupation";
    public const string Birthday = "birthday";
    public const string Timezone = "timezone";
    public const string Pronouns = "pronouns";

    public static readonly IReadOnlyList<string> All = [Name, Location, Occupation, Birthday, Timezone, Pronouns];

    /// <summary>The allowed key this names (trimmed, case-insensitive), or null.</summary>
    public static string? Normalise(string? key)
    {
        var trimmed = key?.Trim();
        return All.FirstOrDefault(k => string.Equals(k, trimmed, StringComparison.OrdinalIgnoreCase));
    }
}
