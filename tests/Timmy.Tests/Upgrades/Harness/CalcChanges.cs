using Timmy.Tests.Upgrades.Fakes;

namespace Timmy.Tests.Upgrades.Harness;

/// <summary>Changes to <see cref="TempGitRepository.Calc"/>: one that keeps its tests passing, one that breaks
/// <c>add</c>, and two different edits of the same line (<c>greet</c>) for conflicts.</summary>
public static class CalcChanges
{
    public const string CalcPath = "src/calc.sh";
    private const string AddLine = "add() { echo $(($1 + $2)); }";
    private const string GreetLine = "greet() { echo \"hello $1\"; }";

    /// <summary>Adds a <c>sub</c> verb: the tests still pass.</summary>
    public static string WithSub => TempGitRepository.Calc.Replace(AddLine, AddLine + "\nsub() { echo $(($1 - $2)); }");

    /// <summary><c>add</c> subtracts: one test fails.</summary>
    public static string BrokenAdd => TempGitRepository.Calc.Replace(AddLine, "add() { echo $(($1 - $2)); }");

    /// <summary>The greet line with a comment <paramref name="note"/>: the tests still pass.</summary>
    public static string GreetNoted(string note) => TempGitRepository.Calc.Replace(GreetLine, GreetLine + " # " + note);

    public static Dictionary<string, string> Files(string calc) => new() { [CalcPath] = calc };
}
