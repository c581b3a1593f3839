namespace Timmy.Core.Swarm.Personas;

/// <summary>What the bid learner knows about one persona, over its recent window, for the marketplace page.</summary>
/// <param name="Outcomes">Auctions it bid in (one outcome each); the learned factor stays 1.0 until this reaches
/// <paramref name="MinOutcomes"/>.</param>
/// <param name="Wins">Of those, the auctions it won.</param>
/// <param name="WinRate">Wins ÷ outcomes; 0 with no outcomes.</param>
/// <param name="Completed">Won tasks that have finished, either way.</param>
/// <param name="Succeeded">Of those, the ones that succeeded.</param>
/// <param name="SuccessRate">Succeeded ÷ completed; 0 with none completed.</param>
/// <param name="Factor">What its bids are multiplied by now, off any particular speciality keyword.</param>
public sealed record PersonaLearning(
    string PersonaId,
    int Outcomes,
    int Wins,
    double WinRate,
    int Completed,
    int Succeeded,
    double SuccessRate,
    double Factor,
    int MinOutcomes)
{
    /// <summary>True once there is enough history for the factor to move from 1.0.</summary>
    public bool IsLearning => Outcomes >= MinOutcomes;
}
