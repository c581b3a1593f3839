using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.WebUtilities;
using Timmy.Core.Refusals;
using Timmy.Core.Swarm.Agents;

namespace Timmy.Web.Components.Swarm;

/// <summary>/marketplace. A persona card's Spawn or Stop posts back here and redirects to a GET with a notice code
/// (post-redirect-get), so a reload never repeats it.</summary>
public partial class MarketplacePage
{
    public const string Path = "/marketplace";
    public const string Spawn = "spawn";
    public const string Stop = "stop";

    [Inject] private SwarmViews Views { get; set; } = default!;
    [Inject] private AgentRoster Roster { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;
    [CascadingParameter] private HttpContext HttpContext { get; set; } = default!;

    [SupplyParameterFromQuery(Name = "notice")] private string? NoticeCode { get; set; }
    [SupplyParameterFromQuery(Name = "persona")] private string? NoticePersona { get; set; }

    private MarketplaceViewModel Model { get; set; } = default!;

    protected override async Task OnInitializedAsync() =>
        Model = await Views.MarketplaceAsync(NoticeCode, NoticePersona, HttpContext.RequestAborted);

    private async Task ControlAsync((string PersonaId, string Action) request)
    {
        string notice;
        try
        {
            if (request.Action == Spawn)
            {
                await Roster.SpawnAsync(request.PersonaId, "owner", HttpContext.RequestAborted);
                notice = MarketplaceNotice.Spawned;
            }
            else
            {
                await Roster.StopAsync(request.PersonaId, "owner", HttpContext.RequestAborted);
                notice = MarketplaceNotice.Stopped;
            }
        }
        catch (RefusalException)
        {
            notice = MarketplaceNotice.Refused;
        }
        Navigation.NavigateTo(QueryHelpers.AddQueryString(Path, new Dictionary<string, string?> { ["notice"] = notice, ["persona"] = request.PersonaId }));
    }
}
