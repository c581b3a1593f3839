using Microsoft.Extensions.DependencyInjection;
using Timmy.Core.Chat;
using Timmy.Core.Security;

namespace Timmy.CrashProbe;

/// <summary>The logged changes the probe can make. Each prepares what it needs, writes on stdout the id of what it
/// will change, arms the crash, then makes the change through the service the app uses.</summary>
public sealed class ProbeChanges(IServiceProvider services)
{
    public const string Answer = "answer", TokenCreate = "token-create", TokenRevoke = "token-revoke", Clear = "clear", Delete = "delete";

    private TimmyAgent Agent => services.GetRequiredService<TimmyAgent>();
    private ApiTokenService Tokens => services.GetRequiredService<ApiTokenService>();

    public async Task RunAsync(string change)
    {
        switch (change)
        {
            case Answer:
                var turn = await Agent.BeginAsync(null, "What is a sat?");
                Armed(turn.Conversation.Id);
                await Agent.AnswerAsync(turn);
                break;
            case TokenCreate:
                Armed("-");
                await Tokens.CreateAsync("probe", [ApiScopes.Catalogue[0].Scope]);
                break;
            case TokenRevoke:
                var created = await Tokens.CreateAsync("probe", [ApiScopes.Catalogue[0].Scope]);
                Armed(created.Token.Id);
                await Tokens.RevokeAsync(created.Token.Id);
                break;
            case Clear or Delete:
                var id = await ConversationAsync();
                Armed(id);
                await (change == Clear ? Agent.ClearAsync(id) : Agent.DeleteAsync(id));
                break;
            default:
                throw new ArgumentException($"Unknown change '{change}'.", nameof(change));
        }
    }

    private async Task<string> ConversationAsync()
    {
        var store = services.GetRequiredService<IConversationStore>();
        var conversation = await store.CreateAsync("");
        await store.AddMessageAsync(new NewConversationMessage(conversation.Id, ConversationRoles.User, "hello"));
        return conversation.Id;
    }

    private void Armed(string id)
    {
        Console.WriteLine(id);
        services.GetRequiredService<CrashingEventStore>().Arm();
    }
}
