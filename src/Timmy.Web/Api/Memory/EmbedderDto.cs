using Timmy.Core.Memory.Embeddings;

namespace Timmy.Web.Api.Memory;

/// <summary>The embedder in use: its id (stored with every vector), its vectors' size (0 until an Ollama model has
/// answered), whether it matches only words and spellings, not meaning, and what it is.</summary>
public sealed record EmbedderDto(string Id, int Dimensions, bool LexicalOnly, string Description)
{
    public static EmbedderDto From(EmbedderInfo info) => new(info.Id, info.Dimensions, info.LexicalOnly, info.Description);
}
