using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Timmy.E2E;

/// <summary>What the swarm's browser tests do on its pages: post a task from the control room and land on its page.</summary>
public static partial class SwarmPages
{
    /// <summary>Posts a task through the control room's form and returns its page (the form redirects there) and its id.</summary>
    public static async Task<(IPage Page, string TaskId)> PostTaskAsync(IBrowserContext context, string description, string? maxBid = null)
    {
        var page = await context.NewPageAsync();
        await page.GotoAsync("/swarm/live");
        await page.GetByLabel("What should the swarm do?").FillAsync(description);
        if (maxBid is not null)
        {
            await page.GetByLabel("Max bid in sats (optional)").FillAsync(maxBid);
        }
        await page.GetByRole(AriaRole.Button, new() { Name = "Post task" }).ClickAsync();
        await page.WaitForURLAsync(TaskUrl());
        return (page, TaskUrl().Match(page.Url).Groups["id"].Value);
    }

    /// <summary>The task's state as its page shows it.</summary>
    public static ILocator Status(IPage page) => page.Locator(".task-summary .task-status");

    [GeneratedRegex(@"/swarm/tasks/(?<id>[0-9a-f-]{36})(\?|$)")]
    public static partial Regex TaskUrl();
}
