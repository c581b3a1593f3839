using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Options;
using Timmy.Core.Events;
using Timmy.Core.Refusals;
using Timmy.Core.Swarm;
using Timmy.Web.Components.Events;

namespace Timmy.Web.Components.Swarm;

/// <summary>/swarm/live, the swarm's control room. "Post a task" posts back here: a refused task is shown again with
/// the reasons beside the form (nothing is stored); a posted one redirects to its own page.</summary>
public partial class ControlRoomPage
{
    [Inject] private SwarmViews Views { get; set; } = default!;
    [Inject] private SwarmCoordinator Coordinator { get; set; } = default!;
    [Inject] private EventReader Events { get; set; } = default!;
    [Inject] private IOptions<SwarmOptions> Options { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;
    [CascadingParameter] private HttpContext HttpContext { get; set; } = default!;

    [SupplyParameterFromForm(FormName = "post-task", Name = "description")] private string? Description { get; set; }
    [SupplyParameterFromForm(FormName = "post-task", Name = "max_bid_sats")] private string? MaxBid { get; set; }

    private ControlRoomViewModel Model { get; set; } = default!;
    private IReadOnlyList<EventTypeCount> Counts { get; set; } = [];
    private List<string> Errors { get; } = [];
    private bool DescriptionError { get; set; }
    private bool MaxBidError { get; set; }

    private int MaxDescriptionLength => Options.Value.MaxDescriptionLength;
    private string DefaultMaxBid => Options.Value.DefaultMaxBidSats.ToString(CultureInfo.InvariantCulture);

    protected override async Task OnInitializedAsync()
    {
        Counts = await Events.CountRecentAsync(SummaryCards.Window, HttpContext.RequestAborted);
        Model = await Views.ControlRoomAsync(HttpContext.RequestAborted);
    }

    private async Task PostAsync()
    {
        long? maxBid = null;
        if (!string.IsNullOrWhiteSpace(MaxBid))
        {
            if (long.TryParse(MaxBid.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
            {
                maxBid = parsed;
            }
            else
            {
                Refuse("max_bid_sats", $"The max bid is a whole number of sats (like {DefaultMaxBid}), or leave it empty for the default.");
                return;
            }
        }
        try
        {
            var task = await Coordinator.PostAsync(new TaskPost(Description ?? "", maxBid), "owner", "owner", HttpContext.RequestAborted);
            Navigation.NavigateTo($"{SwarmFormat.TaskUrl(task.Id)}?notice={TaskNotice.Posted}");
        }
        catch (InvalidFieldException ex)
        {
            Refuse(ex.Field, ex.Message);
        }
    }

    private void Refuse(string field, string message)
    {
        Errors.Add(message);
        DescriptionError |= field == "description";
        MaxBidError |= field == "max_bid_sats";
    }
}
