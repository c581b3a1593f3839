using System.Reflection;
using Timmy.Web.Auth;

namespace Timmy.Web.Api.Swarm;

/// <summary>Who is calling the remote-agent protocol: the API token's id (the agents it registered are the ones it may
/// act for) and the actor name logged with its events. Bound from the request; a signed-in browser session has no
/// token, so it is refused (<see cref="RemoteAgentTokenRequiredException"/>).</summary>
public sealed record RemoteCaller(string TokenId, string Actor)
{
    public static ValueTask<RemoteCaller?> BindAsync(HttpContext context, ParameterInfo parameter)
    {
        var user = context.User;
        var tokenId = user.TokenId() ?? throw new RemoteAgentTokenRequiredException();
        return ValueTask.FromResult<RemoteCaller?>(new RemoteCaller(tokenId, user.Identity?.Name ?? "unknown"));
    }
}
