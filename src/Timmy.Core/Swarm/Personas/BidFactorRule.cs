namespace Timmy.Core.Swarm.Personas;

/// <summary>How a persona's history turns into the factor its bids are multiplied by. Two terms, multiplied, then
/// rounded to three decimals and kept within [<see cref="MinFactor"/>, <see cref="MaxFactor"/>]:
/// <list type="bullet">
/// <item><b>Win rate</b> over all its recent outcomes, against a target of <see cref="TargetWinRate"/> (with nine
/// specialists and Timmy, winning one auction in four is doing well). Below the target it bids lower, down to ×0.65
/// at no wins: it is pricing itself out. Above it bids a little higher, up to ×1.15 at every auction won: it can
/// afford to.</item>
/// <item><b>Success rate</b> of the finished tasks it won whose keywords overlap the task's (all its finished tasks
/// when the task matched none), once there are at least <see cref="MinResults"/> of them. Confidence earned is
/// spent on winning: ×(1.3 − 0.45 × success rate), so ×0.85 at every task succeeded (it bids lower to win more of
/// the work it does well), ×1.0 at two in three, and up to ×1.3 at none (it backs off work it fails, leaving it to
/// others).</item>
/// </list>
/// Before a persona has <c>minOutcomes</c> outcomes the factor is exactly 1.0.</summary>
internal static class BidFactorRule
{
    public const double TargetWinRate = 0.25;
    public const int MinResults = 3;
    public const double MinFactor = 0.6;
    public const double MaxFactor = 1.5;

    public static double Compute(IReadOnlyCollection<PersonaOutcome> history, IReadOnlyList<string> keywords, int minOutcomes)
    {
        if (history.Count == 0 || history.Count < minOutcomes)
        {
            return 1.0;
        }
        var winRate = (double)history.Count(o => o.Won) / history.Count;
        var results = history.Where(o => o.Won && o.Succeeded is not null && Overlaps(o.Keywords, keywords)).ToList();
        var successTerm = results.Count < MinResults
            ? 1.0
            : 1.3 - 0.45 * results.Count(o => o.Succeeded == true) / results.Count;
        return Math.Clamp(Math.Round(WinTerm(winRate) * successTerm, 3), MinFactor, MaxFactor);
    }

    private static double WinTerm(double winRate) => winRate < TargetWinRate
        ? 1 - 0.35 * (TargetWinRate - winRate) / TargetWinRate
        : 1 + 0.15 * (winRate - TargetWinRate) / (1 - TargetWinRate);

    private static bool Overlaps(IReadOnlyList<string> recorded, IReadOnlyList<string> asked) =>
        asked.Count == 0 || recorded.Any(k => asked.Contains(k, StringComparer.OrdinalIgnoreCase));
}
