using Timmy.Core.SelfModify;

namespace Timmy.Tests.SelfModify;

public sealed class TargetFilePickerTests
{
    private static readonly string[] Candidates = ["src/calc.sh", "src/Router/CascadeRouter.cs", "docs/notes.md", "tests/run.sh"];

    private static string? Read(string path) => path switch
    {
        "src/Router/CascadeRouter.cs" => "class CascadeRouter { // circuit breaker fallback provider }",
        "docs/notes.md" => "Notes about the calculator.",
        _ => "",
    };

    [Fact]
    public void Files_the_owner_gives_win()
    {
        Assert.Equal(["docs/notes.md"], TargetFilePicker.Pick("fix the circuit breaker", ["docs/notes.md", "docs/notes.md"], Candidates, Read, 8));
    }

    [Fact]
    public void Files_the_instruction_names_by_path_or_file_name_come_next()
    {
        Assert.Equal(["src/calc.sh"], TargetFilePicker.Pick("Add sub to calc.sh, please", [], Candidates, Read, 8));
        Assert.Equal(["tests/run.sh"], TargetFilePicker.Pick("Make tests/run.sh print more", [], Candidates, Read, 8));
        Assert.Empty(TargetFilePicker.Pick("Make xcalc.sh faster", [], ["src/calc.sh"], _ => "", 8));
    }

    [Fact]
    public void Otherwise_the_files_sharing_most_words_with_the_instruction_are_chosen()
    {
        var picked = TargetFilePicker.Pick("The router's circuit breaker should wait longer before a fallback", [], Candidates, Read, 1);

        Assert.Equal(["src/Router/CascadeRouter.cs"], picked);
    }

    [Fact]
    public void Nothing_is_chosen_when_nothing_matches()
    {
        Assert.Empty(TargetFilePicker.Pick("Write a haiku about winter", [], Candidates, Read, 8));
    }
}
