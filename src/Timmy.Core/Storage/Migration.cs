namespace Timmy.Core.Storage;

/// <summary>One forward-only schema step. Versions are consecutive integers starting at 1.</summary>
public sealed record Migration(int Version, string Name, string Sql);
