using Markdig;
using Markdig.Renderers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Timmy.Web.Components.Chat;

/// <summary>Renders chat text (a model's answer, an error turn) as safe HTML: raw HTML in the text is shown
/// as text, links and images may only point to http(s), mailto or this site, and no extension that can set
/// attributes is enabled.</summary>
public static class ChatMarkdown
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UsePipeTables()
        .UseEmphasisExtras()
        .UseAutoLinks()
        .UseTaskLists()
        .Build();

    public static string ToHtml(string markdown)
    {
        var document = Markdown.Parse(markdown, Pipeline);
        foreach (var link in document.Descendants<LinkInline>())
        {
            link.Url = SafeUrl(link.Url);
        }
        // An email autolink holds only an address (the renderer adds "mailto:" itself), so it needs no check.
        foreach (var link in document.Descendants<AutolinkInline>().Where(l => !l.IsEmail))
        {
            link.Url = SafeUrl(link.Url) ?? "#";
        }
        using var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer);
        Pipeline.Setup(renderer);
        renderer.Render(document);
        writer.Flush();
        return writer.ToString();
    }

    /// <summary>The URL when it is http(s), mailto or site-relative; otherwise <c>#</c>.</summary>
    public static string? SafeUrl(string? url)
    {
        if (string.IsNullOrEmpty(url))
        {
            return url;
        }
        var trimmed = url.Trim();
        if (trimmed.StartsWith('#') || (trimmed.StartsWith('/') && !trimmed.StartsWith("//")))
        {
            return trimmed;
        }
        return Uri.TryCreate(trimmed, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" or "mailto" ? trimmed : "#";
    }
}
