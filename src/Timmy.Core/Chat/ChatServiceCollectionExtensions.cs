using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Timmy.Core.Agents;

namespace Timmy.Core.Chat;

public static class ChatServiceCollectionExtensions
{
    /// <summary>Timmy and his conversation store. Needs <c>AddStorage()</c>, <c>AddEvents()</c> and <c>AddRouter()</c>.</summary>
    public static IServiceCollection AddTimmyAgent(this IServiceCollection services)
    {
        services.AddOptions<ChatAgentOptions>().BindConfiguration(ChatAgentOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ChatAgentOptions>, ValidateChatAgentOptions>();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IConversationStore, SqliteConversationStore>();
        services.AddAgentRunner();
        services.AddSingleton<ContextBudget>();
        services.AddSingleton<TimmyAgent>();
        services.AddSingleton<ConversationService>();
        return services;
    }
}
