using Microsoft.AspNetCore.Components;
using Timmy.Core.Router;

namespace Timmy.Web.Components.Router;

/// <summary>/router/status. The control forms post back here and redirect to a GET of the page with a
/// notice code, so a reload never repeats an action.</summary>
public partial class RouterStatusPage
{
    [Inject] private RouterService Router { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;
    [CascadingParameter] private HttpContext HttpContext { get; set; } = default!;

    [SupplyParameterFromQuery(Name = "range")] private string? RangeKey { get; set; }
    [SupplyParameterFromQuery(Name = "notice")] private string? NoticeCode { get; set; }
    [SupplyParameterFromQuery(Name = "provider")] private string? NoticeProvider { get; set; }

    private RouterStatusViewModel Model { get; set; } = default!;

    private RouterChartRange Range => RouterChartRange.Parse(RangeKey);

    protected override async Task OnInitializedAsync()
    {
        Model = await RouterStatusViewModel.LoadAsync(Router, Range, NoticeCode, NoticeProvider, HttpContext.RequestAborted);
    }

    private async Task ControlAsync((string Provider, string Action) request)
    {
        var notice = await ApplyAsync(request.Provider, request.Action);
        Navigation.NavigateTo(RouterStatusViewModel.Url(Range, notice, request.Provider));
    }

    /// <summary>Runs one card action; the notice code says what happened.</summary>
    private async Task<string> ApplyAsync(string provider, string action)
    {
        var ct = HttpContext.RequestAborted;
        var status = action switch
        {
            RouterActions.Enable => await Router.SetEnabledAsync(provider, true, ct),
            RouterActions.Disable => await Router.SetEnabledAsync(provider, false, ct),
            RouterActions.Reset => Router.ResetCircuit(provider),
            RouterActions.Probe => await Router.ProbeAsync(provider, ct),
            _ => null,
        };
        return status is null ? RouterNotice.UnknownProvider : action;
    }

    private async Task ProbeAllAsync()
    {
        await Router.ProbeAllAsync(HttpContext.RequestAborted);
        Navigation.NavigateTo(RouterStatusViewModel.Url(Range, RouterNotice.ProbedAll));
    }
}
