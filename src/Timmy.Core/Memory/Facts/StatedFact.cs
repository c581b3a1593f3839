namespace Timmy.Core.Memory.Facts;

/// <summary>A fact the owner stated about themself, phrased in the third person for the memory
/// ("The owner's name is Alex.", "The owner prefers dark roast coffee."). <see cref="Key"/> names a
/// single-valued fact (one of <see cref="FactKeys.All"/>) so a newer statement replaces the older; it is
/// null for facts that accumulate (preferences, allergies, likes).</summary>
public sealed record StatedFact(string Text, string? Key);
