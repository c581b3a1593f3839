using Microsoft.AspNetCore.Components;
using Timmy.Core.Refusals;
using Timmy.Core.Swarm;

namespace Timmy.Web.Components.Swarm;

/// <summary>/swarm/tasks/{id}: one task's whole story. An unknown id is the "Not found" page (404). Cancel and Re-post
/// post back here and redirect (post-redirect-get): a cancel to this page, a re-post to the new task's page.</summary>
public partial class SwarmTaskPage
{
    public const string Cancel = "cancel";
    public const string Repost = "repost";

    [Inject] private SwarmViews Views { get; set; } = default!;
    [Inject] private SwarmCoordinator Coordinator { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;
    [CascadingParameter] private HttpContext HttpContext { get; set; } = default!;

    [Parameter] public string Id { get; set; } = "";

    [SupplyParameterFromQuery(Name = "notice")] private string? NoticeCode { get; set; }

    private TaskDetailViewModel? Model { get; set; }

    protected override async Task OnInitializedAsync()
    {
        Model = Id.Length <= 64 ? await Views.TaskAsync(Id, NoticeCode, HttpContext.RequestAborted) : null;
        if (Model is null)
        {
            Navigation.NotFound();
        }
    }

    private async Task ActAsync(string action)
    {
        var here = SwarmFormat.TaskUrl(Id);
        try
        {
            if (action == Repost)
            {
                var task = await Coordinator.RepostAsync(Id, "owner", "owner", HttpContext.RequestAborted);
                Navigation.NavigateTo($"{SwarmFormat.TaskUrl(task.Id)}?notice={TaskNotice.Reposted}");
                return;
            }
            await Coordinator.CancelAsync(Id, "owner", HttpContext.RequestAborted);
            Navigation.NavigateTo($"{here}?notice={TaskNotice.Cancelled}");
        }
        catch (ConflictException)
        {
            Navigation.NavigateTo($"{here}?notice={(action == Repost ? TaskNotice.RepostRefused : TaskNotice.CancelRefused)}");
        }
    }
}
