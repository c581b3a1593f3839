using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Timmy.Core.Router;

namespace Timmy.Core.Memory.Embeddings;

public static class MemoryEmbeddingsServiceCollectionExtensions
{
    /// <summary>The memory's embedder: <see cref="EmbedderOptions"/> from <c>Timmy:Memory:Embedder</c> (checked at
    /// start) and the singleton <see cref="MemoryEmbedder"/>, built on first use from the configured kind.</summary>
    public static IServiceCollection AddMemoryEmbeddings(this IServiceCollection services)
    {
        services.AddOptions<EmbedderOptions>().BindConfiguration(EmbedderOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IPostConfigureOptions<EmbedderOptions>, PostConfigureEmbedderOptions>();
        services.AddSingleton<IValidateOptions<EmbedderOptions>, ValidateEmbedderOptions>();
        services.TryAddSingleton(RouterEnvironment.Process);
        services.TryAddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<EmbedderOptions>>().Value;
            var choice = EmbedderFactory.Create(options);
            return new MemoryEmbedder(choice.Generator, options, choice.Problem, sp.GetService<ILogger<MemoryEmbedder>>());
        });
        return services;
    }
}
