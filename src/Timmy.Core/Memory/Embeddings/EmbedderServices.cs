using Microsoft.Extensions.AI;

namespace Timmy.Core.Memory.Embeddings;

/// <summary>What every embedder answers from <c>GetService</c>: itself, its
/// <see cref="EmbeddingGeneratorMetadata"/> and its <see cref="EmbedderInfo"/>.</summary>
internal static class EmbedderServices
{
    public static object? Answer(object generator, Type serviceType, object? serviceKey, EmbedderInfo info, string provider, Uri? providerUri, string model)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        if (serviceKey is not null)
        {
            return null;
        }
        if (serviceType == typeof(EmbedderInfo))
        {
            return info;
        }
        if (serviceType == typeof(EmbeddingGeneratorMetadata))
        {
            return new EmbeddingGeneratorMetadata(provider, providerUri, model, info.Dimensions > 0 ? info.Dimensions : null);
        }
        return serviceType.IsInstanceOfType(generator) ? generator : null;
    }
}
