namespace Timmy.Core.Swarm.Personas;

/// <summary>A swarm agent's character and price list: who it is (<see cref="SystemPrompt"/>), what it is good at
/// (<see cref="Keywords"/>, matched as whole words by <see cref="KeywordMatcher"/>) and how it bids in sats
/// (<see cref="PersonaBidder"/> explains the rule). A persona without keywords is a generalist.</summary>
/// <param name="Id">Lowercase slug, stable across releases: <c>echo</c>.</param>
/// <param name="Name">Display name: <c>Echo</c>.</param>
/// <param name="Role">One line saying what it does.</param>
/// <param name="SystemPrompt">Sent as the system message whenever it executes a task.</param>
/// <param name="Capabilities">What it can do, for the marketplace page.</param>
/// <param name="RateSats">Its advertised price per task.</param>
/// <param name="BidBaseSats">The centre of its bids on tasks in its speciality.</param>
/// <param name="BidJitterSats">How far a bid may stray from its base, either way.</param>
/// <param name="Keywords">Lowercase words and phrases that mark a task as in its speciality.</param>
/// <param name="RequiredTool">A tool that tasks in its speciality cannot be done without (<c>image_generation</c>),
/// or null when plain text will do.</param>
public sealed record Persona(
    string Id,
    string Name,
    string Role,
    string SystemPrompt,
    IReadOnlyList<string> Capabilities,
    long RateSats,
    long BidBaseSats,
    long BidJitterSats,
    IReadOnlyList<string> Keywords,
    string? RequiredTool = null)
{
    /// <summary>True for a persona with no speciality: it bids the same way on every task.</summary>
    public bool IsGeneralist => Keywords.Count == 0;
}
