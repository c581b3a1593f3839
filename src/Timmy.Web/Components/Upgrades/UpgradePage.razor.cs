using Microsoft.AspNetCore.Components;
using Timmy.Core.Upgrades;
using Timmy.Web.Components.Upgrades.Diff;

namespace Timmy.Web.Components.Upgrades;

/// <summary>/self-modify/queue/{id}: one upgrade's facts, its test output, and its diff file by file (unified, or side
/// by side with <c>?view=split</c>), with approve and reject while it is proposed and roll back once applied; the facts
/// are live through the queue page's script. An unknown id is the "Not found" page (404).</summary>
public partial class UpgradePage
{
    [Inject] private UpgradeViews Views { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;
    [CascadingParameter] private HttpContext HttpContext { get; set; } = default!;

    [Parameter] public string Id { get; set; } = "";

    [SupplyParameterFromQuery(Name = "view")] private string? View { get; set; }
    [SupplyParameterFromQuery(Name = "notice")] private string? NoticeCode { get; set; }

    private Upgrade? Upgrade { get; set; }
    private IReadOnlyList<DiffFile> Files { get; set; } = [];
    private bool CanApprove { get; set; }
    private UpgradeNotice? Notice { get; set; }
    private DateTimeOffset Now { get; set; }

    private bool IsSplit => View == "split";

    protected override async Task OnInitializedAsync()
    {
        Now = Views.Now;
        Notice = UpgradeNotice.For(NoticeCode);
        Upgrade = await Views.UpgradeAsync(Id, HttpContext.RequestAborted);
        if (Upgrade is null)
        {
            Navigation.NotFound();
            return;
        }
        Files = UnifiedDiffParser.Parse(Upgrade.Diff);
        CanApprove = await Views.CanApproveAsync(HttpContext.RequestAborted);
    }
}
