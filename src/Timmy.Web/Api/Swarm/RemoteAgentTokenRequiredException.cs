using Timmy.Core.Refusals;
using Timmy.Core.Security;

namespace Timmy.Web.Api.Swarm;

/// <summary>The remote-agent protocol was called without an API token (from the signed-in dashboard): a remote agent
/// is bound to the token that registered it, so it needs one.</summary>
public sealed class RemoteAgentTokenRequiredException() : ForbiddenException(
    "An API token is required",
    $"Remote agents act with an API token that has the '{ApiScopes.AgentsRemote}' scope (Authorization: Bearer tt_…); " +
    "a signed-in browser session has no token to bind an agent to. Create one at /settings/tokens.");
