using Timmy.Core.Upgrades;

namespace Timmy.Tests.Upgrades;

public sealed class CommandRunnerTests
{
    [Fact]
    public async Task The_command_gets_what_a_build_needs_and_none_of_the_servers_secrets()
    {
        Environment.SetEnvironmentVariable("TIMMY_TEST_ONLY_SECRET", "s3cret");
        try
        {
            var outcome = await CommandRunner.ShellAsync("echo \"secret=[$TIMMY_TEST_ONLY_SECRET] path=[${PATH:+set}] reuse=[$MSBUILDDISABLENODEREUSE]\"",
                Path.GetTempPath(), TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);

            Assert.Contains("secret=[] path=[set] reuse=[1]", outcome.Output);
        }
        finally
        {
            Environment.SetEnvironmentVariable("TIMMY_TEST_ONLY_SECRET", null);
        }
    }
}
