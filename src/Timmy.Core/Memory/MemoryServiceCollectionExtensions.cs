using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Timmy.Core.Chat;
using Timmy.Core.Memory.Chat;
using Timmy.Core.Memory.Documents;
using Timmy.Core.Memory.Embeddings;
using Timmy.Core.Memory.Facts;
using Timmy.Core.Memory.SwarmTools;
using Timmy.Core.Swarm.Execution;

namespace Timmy.Core.Memory;

public static class MemoryServiceCollectionExtensions
{
    /// <summary>The semantic memory: its embedder, store, vector index, search, context packer, the service every caller
    /// uses, and the background services that load and re-embed the index and prune old entries. Needs
    /// <c>AddStorage()</c> and <c>AddEvents()</c>; learning the owner's facts needs
    /// <c>AddRouter()</c> (the app's <c>IChatClient</c>).</summary>
    public static IServiceCollection AddMemory(this IServiceCollection services)
    {
        services.AddOptions<MemoryOptions>().BindConfiguration(MemoryOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<MemoryOptions>, ValidateMemoryOptions>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddMemoryEmbeddings();
        services.TryAddSingleton<ITextEmbedder>(sp => sp.GetRequiredService<MemoryEmbedder>());
        services.AddSingleton<MemoryVectorIndex>();
        services.AddSingleton<MemoryIndexState>();
        services.TryAddSingleton<IMemoryStore, SqliteMemoryStore>();
        services.AddSingleton<MemorySearch>();
        services.AddSingleton<MemoryContextBuilder>();
        services.AddSingleton<MemoryService>();
        services.AddSingleton<DocumentMemory>();
        services.AddSingleton(sp => new OwnerFactExtractor(
            sp.GetRequiredService<IChatClient>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<OwnerFactExtractor>>()));
        services.AddSingleton<OwnerFacts>();
        services.AddSingleton<ChatMemory>();
        services.AddSingleton<IChatMemory>(sp => sp.GetRequiredService<ChatMemory>());
        services.AddHostedService(sp => sp.GetRequiredService<ChatMemory>());
        services.AddSingleton<ISwarmToolSource, MemoryTools>();
        services.AddHostedService<TaskResultMemory>();
        services.AddSingleton<MemoryIndexService>();
        services.AddHostedService(sp => sp.GetRequiredService<MemoryIndexService>());
        services.AddSingleton<MemoryPruningService>();
        services.AddHostedService(sp => sp.GetRequiredService<MemoryPruningService>());
        return services;
    }
}
