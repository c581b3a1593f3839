using System.Net.Http.Json;
using Timmy.Web.Api.Upgrades;

namespace Timmy.Web.Cli;

/// <summary>The upgrade queue's API as the <c>upgrades</c> and <c>self-modify</c> verbs call it, over the given
/// HttpClient (base address and bearer token set). An error answer throws <see cref="ServerApiException"/>; an
/// unreachable server <see cref="HttpRequestException"/>.</summary>
public sealed class UpgradesApiClient(HttpClient http)
{
    public async Task<UpgradePageDto> ListAsync(IReadOnlyList<string> statuses, int? limit, CancellationToken cancellationToken)
    {
        var query = new List<string>();
        if (statuses.Count > 0)
        {
            query.Add("status=" + Uri.EscapeDataString(string.Join(',', statuses)));
        }
        if (limit is { } l)
        {
            query.Add("limit=" + l);
        }
        using var response = await http.GetAsync("api/v1/upgrades" + (query.Count > 0 ? "?" + string.Join('&', query) : ""), cancellationToken);
        return await ApiAnswers.ReadAsync<UpgradePageDto>(response, cancellationToken);
    }

    public async Task<UpgradeDto> GetAsync(string id, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync("api/v1/upgrades/" + Uri.EscapeDataString(id), cancellationToken);
        return await ApiAnswers.ReadAsync<UpgradeDto>(response, cancellationToken);
    }

    public async Task<UpgradeDto> ApproveAsync(string id, string secondFactor, string diffSha256, CancellationToken cancellationToken)
    {
        using var response = await http.PostAsJsonAsync($"api/v1/upgrades/{Uri.EscapeDataString(id)}/approve",
            new { second_factor = secondFactor, diff_sha256 = diffSha256 }, ApiAnswers.Json, cancellationToken);
        return await ApiAnswers.ReadAsync<UpgradeDto>(response, cancellationToken);
    }

    public async Task<UpgradeDto> RejectAsync(string id, string? reason, CancellationToken cancellationToken)
    {
        using var response = await http.PostAsJsonAsync($"api/v1/upgrades/{Uri.EscapeDataString(id)}/reject", new { reason }, ApiAnswers.Json, cancellationToken);
        return await ApiAnswers.ReadAsync<UpgradeDto>(response, cancellationToken);
    }

    public async Task<SelfModifyRunDto> StartRunAsync(string instruction, IReadOnlyList<string> targetFiles, bool dryRun, CancellationToken cancellationToken)
    {
        using var response = await http.PostAsJsonAsync("api/v1/self-modify/runs",
            new { instruction, target_files = targetFiles, dry_run = dryRun }, ApiAnswers.Json, cancellationToken);
        return await ApiAnswers.ReadAsync<SelfModifyRunDto>(response, cancellationToken);
    }

    public async Task<SelfModifyRunDto> GetRunAsync(string runId, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync("api/v1/self-modify/runs/" + Uri.EscapeDataString(runId), cancellationToken);
        return await ApiAnswers.ReadAsync<SelfModifyRunDto>(response, cancellationToken);
    }
}
