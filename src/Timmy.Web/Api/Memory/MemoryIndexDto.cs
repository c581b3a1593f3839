namespace Timmy.Web.Api.Memory;

/// <summary>The in-memory vector index: how many vectors it holds, their size in bytes, and whether it has been loaded
/// from the database yet.</summary>
public sealed record MemoryIndexDto(int Vectors, long Bytes, bool Loaded);
