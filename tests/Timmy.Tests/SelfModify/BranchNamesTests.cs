using Timmy.Core.SelfModify;

namespace Timmy.Tests.SelfModify;

public sealed class BranchNamesTests
{
    [Theory]
    [InlineData("Add a `sub` command to calc.sh!", "add-a-sub-command-to-calc-sh")]
    [InlineData("   ", "change")]
    [InlineData("Ünïcode ∆ only", "n-code-only")]
    public void The_slug_is_lower_case_words_joined_by_dashes(string instruction, string slug)
    {
        Assert.Equal(slug, BranchNames.Slug(instruction));
    }

    [Fact]
    public void The_branch_carries_the_slug_and_the_end_of_the_upgrade_id()
    {
        var branch = BranchNames.For(new string('x', 200), "0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b");

        Assert.Equal("self-modify/" + new string('x', 40) + "-2e3f4a5b", branch);
    }
}
