namespace Timmy.Core.Memory.Facts;

/// <summary>What <see cref="OwnerFactExtractor"/> found in one owner message, and whether the model found it
/// (<see cref="ByModel"/> true) or the fallback rules did (false: no first-person marker, the model failed, or
/// its answer could not be read).</summary>
public sealed record FactExtraction(IReadOnlyList<StatedFact> Facts, bool ByModel);
