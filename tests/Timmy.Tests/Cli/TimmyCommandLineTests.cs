using Timmy.Web.Cli;
using Timmy.Web.Hosting;

namespace Timmy.Tests.Cli;

public sealed class TimmyCommandLineTests
{
    [Fact]
    public void Parse_NoVerb_ServesWithAllArgumentsForTheHost()
    {
        var parsed = TimmyCommandLine.Parse(["--urls", "http://127.0.0.1:9000", "--data-dir", "/tmp/x"]);

        Assert.Equal(TimmyCommandLine.Serve, parsed.Verb);
        Assert.Equal(["--urls", "http://127.0.0.1:9000", "--data-dir", "/tmp/x"], parsed.HostArguments);
    }

    [Fact]
    public void Parse_ServerClientVerb_KeepsEveryOtherArgumentInOrder()
    {
        var parsed = TimmyCommandLine.Parse(["--url", "http://127.0.0.1:9", "task", "post", "--wait", "Summarize the notes"]);

        Assert.Equal(TimmyCommandLine.TaskVerb, parsed.Verb);
        Assert.True(TimmyCommandLine.IsServerClient(parsed.Verb));
        Assert.Equal(["--url", "http://127.0.0.1:9", "post", "--wait", "Summarize the notes"], parsed.ArgumentsBesideVerb);
    }

    [Fact]
    public void Parse_MemoryVerb_IsAServerClient_AndItsFlagsStayInOrder()
    {
        var parsed = TimmyCommandLine.Parse(["memory", "add", "--shared", "The owner likes tea.", "--type", "fact"]);

        Assert.Equal(TimmyCommandLine.MemoryVerb, parsed.Verb);
        Assert.True(TimmyCommandLine.IsServerClient(parsed.Verb));
        Assert.Equal(["add", "--shared", "The owner likes tea.", "--type", "fact"], parsed.ArgumentsBesideVerb);
        Assert.Contains("timmy memory search", TimmyCommandLine.Usage);
    }

    [Fact]
    public void Parse_VerbAfterOptions_IsFoundAndOptionsKept()
    {
        var parsed = TimmyCommandLine.Parse(["--data-dir", "/tmp/x", "migrate"]);

        Assert.Equal(TimmyCommandLine.Migrate, parsed.Verb);
        Assert.Equal(["--data-dir", "/tmp/x"], parsed.HostArguments);
    }

    [Fact]
    public void Parse_VerbArguments_AreSeparatedFromOptions()
    {
        var parsed = TimmyCommandLine.Parse(["chat", "hello there", "--data-dir", "d"]);

        Assert.Equal("chat", parsed.Verb);
        Assert.Equal(["hello there"], parsed.VerbArguments);
        Assert.Equal(["--data-dir", "d"], parsed.HostArguments);
    }

    [Fact]
    public void Parse_OptionsBetweenVerbAndMessage_StillLeaveTheMessageToTheVerb()
    {
        var parsed = TimmyCommandLine.Parse(["chat", "--data-dir", "d", "what is bitcoin?", "--urls=http://127.0.0.1:9"]);

        Assert.Equal("chat", parsed.Verb);
        Assert.Equal(["what is bitcoin?"], parsed.VerbArguments);
        Assert.Equal(["--data-dir", "d", "--urls=http://127.0.0.1:9"], parsed.HostArguments);
    }

    [Theory]
    [InlineData("http://127.0.0.1:8000", true)]
    [InlineData("http://localhost:8000", true)]
    [InlineData("http://[::1]:8000", true)]
    [InlineData("http://0.0.0.0:8000", false)]
    [InlineData("http://+:8000", false)]
    [InlineData("http://192.168.1.5:8000", false)]
    public void IsLoopback_ClassifiesBindAddresses(string address, bool expected)
    {
        Assert.Equal(expected, StartupBanner.IsLoopback(address));
    }
}
