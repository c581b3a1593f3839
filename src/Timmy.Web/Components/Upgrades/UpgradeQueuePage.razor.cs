using Microsoft.AspNetCore.Components;
using Timmy.Core.Refusals;
using Timmy.Core.SelfModify;

namespace Timmy.Web.Components.Upgrades;

/// <summary>/self-modify/queue: the proposals waiting for the owner (approve with the second factor, reject), the ones
/// being applied, the history (roll back an applied one), and the form that asks the self-modify loop for a change, with
/// the run's steps; live through its script. The lists' forms post to <see cref="UpgradeFormEndpoints"/>; the ask form
/// posts back here: a refusal shows beside it, a started run redirects here naming the run (post-redirect-get).</summary>
public partial class UpgradeQueuePage
{
    [Inject] private UpgradeViews Views { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;
    [CascadingParameter] private HttpContext HttpContext { get; set; } = default!;

    [SupplyParameterFromQuery(Name = "notice")] private string? NoticeCode { get; set; }
    [SupplyParameterFromQuery(Name = "run")] private string? RunId { get; set; }

    [SupplyParameterFromForm(FormName = "self-modify", Name = "instruction")] private string? Instruction { get; set; }
    [SupplyParameterFromForm(FormName = "self-modify", Name = "target_files")] private string? TargetFiles { get; set; }
    [SupplyParameterFromForm(FormName = "self-modify", Name = "dry_run")] private string? DryRun { get; set; }

    private UpgradeQueueModel? Model { get; set; }
    private UpgradeNotice? Notice { get; set; }
    private SelfModifyRun? Run { get; set; }
    private string? AskError { get; set; }

    protected override async Task OnInitializedAsync()
    {
        Notice = UpgradeNotice.For(NoticeCode);
        Model = await Views.QueueAsync(HttpContext.RequestAborted);
        Run = Views.Run(RunId);
    }

    private void Ask()
    {
        if (string.IsNullOrWhiteSpace(Instruction))
        {
            AskError = "Say what should change.";
            return;
        }
        var files = (TargetFiles ?? "").Split([',', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        try
        {
            var run = Views.Loop.Start(new SelfModifyRequest(Instruction.Trim())
            {
                TargetFiles = files, DryRun = DryRun == "true", Actor = HttpContext.User.Identity?.Name ?? "owner",
            });
            Navigation.NavigateTo($"{UpgradeFormat.Path}?notice={UpgradeNotice.Started}&run={Uri.EscapeDataString(run.Id)}#self-modify");
        }
        catch (RefusalException e)
        {
            AskError = e.Message;
        }
    }
}
