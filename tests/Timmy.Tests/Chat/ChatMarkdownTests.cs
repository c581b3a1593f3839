using Timmy.Web.Components.Chat;

namespace Timmy.Tests.Chat;

public sealed class ChatMarkdownTests
{
    [Fact]
    public void ToHtml_ScriptTag_IsShownAsText()
    {
        var html = ChatMarkdown.ToHtml("<script>alert(1)</script>");

        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html);
        Assert.DoesNotContain("<script", html);
    }

    [Fact]
    public void ToHtml_InlineHtmlWithHandler_IsShownAsText()
    {
        var html = ChatMarkdown.ToHtml("look <img src=x onerror=alert(1)> here");

        Assert.Contains("&lt;img src=x onerror=alert(1)&gt;", html);
        Assert.DoesNotContain("<img", html);
    }

    [Theory]
    [InlineData("[click](javascript:alert(1))")]
    [InlineData("[click](JavaScript:alert(1))")]
    [InlineData("[click]( data:text/html,x )")]
    [InlineData("[click](vbscript:x)")]
    public void ToHtml_UnsafeLink_PointsNowhere(string markdown)
    {
        var html = ChatMarkdown.ToHtml(markdown);

        Assert.Contains("<a href=\"#\">click</a>", html);
        Assert.DoesNotContain("script:", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("data:", html);
    }

    [Fact]
    public void ToHtml_EmailAutolink_KeepsTheAddress()
    {
        var html = ChatMarkdown.ToHtml("write to <owner@example.org>");

        Assert.Contains("<a href=\"mailto:owner@example.org\">owner@example.org</a>", html);
    }

    [Fact]
    public void ToHtml_UnsafeAutolink_PointsNowhere()
    {
        var html = ChatMarkdown.ToHtml("<javascript:alert(1)>");

        Assert.DoesNotContain("href=\"javascript", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void ToHtml_UnsafeImage_PointsNowhere()
    {
        Assert.Contains("src=\"#\"", ChatMarkdown.ToHtml("![x](javascript:alert(1))"));
    }

    [Theory]
    [InlineData("https://example.org/a?b=c")]
    [InlineData("http://example.org/")]
    [InlineData("mailto:owner@example.org")]
    [InlineData("/swarm/events")]
    [InlineData("#top")]
    public void ToHtml_SafeLink_IsKept(string url)
    {
        Assert.Contains($"<a href=\"{url}\">link</a>", ChatMarkdown.ToHtml($"[link]({url})"));
    }

    [Fact]
    public void ToHtml_AutoLink_IsLinkedWhenSafe()
    {
        Assert.Contains("<a href=\"https://example.org\">https://example.org</a>", ChatMarkdown.ToHtml("see https://example.org"));
    }

    [Theory]
    [InlineData("//evil.example/x")]
    [InlineData("javascript:alert(1)")]
    [InlineData("file:///etc/passwd")]
    public void SafeUrl_OffSiteOrOtherScheme_IsHash(string url)
    {
        Assert.Equal("#", ChatMarkdown.SafeUrl(url));
    }

    [Fact]
    public void ToHtml_CodeBlock_IsRenderedWithItsHtmlEscaped()
    {
        var html = ChatMarkdown.ToHtml("```csharp\nvar x = \"<b>\";\n```");

        Assert.Contains("<pre><code class=\"language-csharp\">", html);
        Assert.Contains("var x = &quot;&lt;b&gt;&quot;;", html);
    }

    [Fact]
    public void ToHtml_EmphasisListAndTable_AreRendered()
    {
        var html = ChatMarkdown.ToHtml("**bold** and `code`\n\n- one\n- two\n\n| a | b |\n|---|---|\n| 1 | 2 |");

        Assert.Contains("<strong>bold</strong>", html);
        Assert.Contains("<code>code</code>", html);
        Assert.Contains("<li>one</li>", html);
        Assert.Contains("<table>", html);
    }
}
