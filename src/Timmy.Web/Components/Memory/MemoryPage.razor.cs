using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.WebUtilities;
using Timmy.Core.Memory;
using Timmy.Core.Memory.Documents;
using Timmy.Core.Memory.Facts;
using Timmy.Core.Refusals;

namespace Timmy.Web.Components.Memory;

/// <summary>/memory: search the memory (as you type with the page's script, by the form without it), list it newest
/// first, keep the owner's facts and documents, and see its figures live. Every form posts back here: a refusal is shown
/// beside its form with nothing changed; a change redirects with a notice (post-redirect-get), keeping the search.</summary>
public partial class MemoryPage
{
    public const string UploadSource = DocumentMemory.UploadSource;
    public const string FactSource = "dashboard";

    [Inject] private MemoryViews Views { get; set; } = default!;
    [Inject] private MemoryService Memory { get; set; } = default!;
    [Inject] private OwnerFacts OwnerFacts { get; set; } = default!;
    [Inject] private DocumentMemory DocumentMemory { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;
    [CascadingParameter] private HttpContext HttpContext { get; set; } = default!;

    [SupplyParameterFromQuery(Name = "q")] private string? Query { get; set; }
    [SupplyParameterFromQuery(Name = "type")] private string? Type { get; set; }
    [SupplyParameterFromQuery(Name = "agent")] private string? Agent { get; set; }
    [SupplyParameterFromQuery(Name = "since")] private string? Since { get; set; }
    [SupplyParameterFromQuery(Name = "until")] private string? Until { get; set; }
    [SupplyParameterFromQuery(Name = "before")] private string? Before { get; set; }
    [SupplyParameterFromQuery(Name = "notice")] private string? NoticeCode { get; set; }
    [SupplyParameterFromQuery(Name = "name")] private string? NoticeName { get; set; }
    [SupplyParameterFromQuery(Name = "chunks")] private string? NoticeChunks { get; set; }

    [SupplyParameterFromForm(FormName = "add-fact", Name = "text")] private string? FactText { get; set; }
    [SupplyParameterFromForm(FormName = "add-fact", Name = "key")] private string? FactKey { get; set; }
    [SupplyParameterFromForm(FormName = "add-fact", Name = "shared")] private bool FactShared { get; set; }

    private MemoryFilters Filters { get; set; } = MemoryFilters.None;
    private MemoryResultsModel Results { get; set; } = default!;
    private MemoryStatsModel Stats { get; set; } = default!;
    private IReadOnlyList<MemoryEntry> Facts { get; set; } = [];
    private IReadOnlyList<MemoryDocument> Documents { get; set; } = [];
    private IReadOnlyList<string> Agents { get; set; } = [];
    private MemoryNotice? Notice { get; set; }
    private List<string> FactErrors { get; } = [];
    private List<string> UploadErrors { get; } = [];
    private (string Id, string Message, string? Content)? FactEditError { get; set; }

    /// <summary>The id in a posted per-item form's name (edit-fact-…, delete-fact-…, delete-document-…).</summary>
    private string? PostedId { get; set; }

    private int MaxFactLength => Memory.Options.MaxContentLength;

    private CancellationToken Ct => HttpContext.RequestAborted;

    /// <summary>False while the reads of <see cref="OnInitializedAsync"/> are under way (the page may render meanwhile).</summary>
    private bool Loaded { get; set; }

    protected override async Task OnInitializedAsync()
    {
        Filters = MemoryFilters.From(Query, Type, Agent, Since, Until, Before);
        Notice = MemoryNotice.For(NoticeCode, NoticeName, NoticeChunks);
        PostedId = PostedItemId();
        Results = await Views.ResultsAsync(Filters, Ct);
        Stats = await Views.StatsAsync(Ct);
        Facts = await Views.FactsAsync(Ct);
        Documents = await Views.DocumentsAsync(Ct);
        Agents = Stats.Stats.ByAgent.Select(a => MemoryFormat.Owner(a.AgentId))
            .Append(MemoryFilter.OwnerAgentId).Concat(Filters.Agent is { } chosen ? [chosen] : [])
            .Distinct().Order(StringComparer.Ordinal).ToList();
        Loaded = true;
    }

    private async Task AddFactAsync()
    {
        var key = string.IsNullOrWhiteSpace(FactKey) ? null : FactKeys.Normalise(FactKey);
        if (key is null && !string.IsNullOrWhiteSpace(FactKey))
        {
            FactErrors.Add($"'{FactKey}' is not a kind of fact; pick one of {string.Join(", ", FactKeys.All)}, or none.");
            return;
        }
        if (string.IsNullOrWhiteSpace(FactText))
        {
            FactErrors.Add("Write the fact: the text is empty.");
            return;
        }
        try
        {
            var recorded = await OwnerFacts.RecordAsync(new StatedFact(FactText, key), FactSource, shared: FactShared, cancellationToken: Ct);
            Done(recorded.Changed ? MemoryNotice.FactAdded : MemoryNotice.FactKnown, "facts");
        }
        catch (InvalidFieldException ex)
        {
            FactErrors.Add(ex.Message);
        }
    }

    private async Task EditFactAsync(string id)
    {
        var form = HttpContext.Request.Form;
        var content = form["content"].ToString();
        try
        {
            var entry = await Memory.GetAsync(id, MemoryViewer.Owner, Ct);
            if (entry.ContextType != MemoryContextTypes.Fact)
            {
                throw new MemoryEditRefusedException(id, entry.ContextType);
            }
            if (string.IsNullOrWhiteSpace(content))
            {
                FactEditError = (id, "Write the fact: the text is empty. To forget it, delete it.", content);
                return;
            }
            await Memory.UpdateAsync(id, new MemoryEdit(content, form["shared"] == "true"), MemoryViewer.Owner, Ct);
            Done(MemoryNotice.FactUpdated, "facts");
        }
        catch (MemoryEntryNotFoundException)
        {
            Done(MemoryNotice.Gone, "facts");
        }
        catch (RefusalException ex)
        {
            FactEditError = (id, ex.Message, content);
        }
    }

    private async Task DeleteFactAsync(string id)
    {
        try
        {
            var entry = await Memory.GetAsync(id, MemoryViewer.Owner, Ct);
            if (entry.ContextType != MemoryContextTypes.Fact)
            {
                Done(MemoryNotice.Gone, "facts");
                return;
            }
            await Memory.DeleteAsync(id, MemoryViewer.Owner, Ct);
            Done(MemoryNotice.FactDeleted, "facts");
        }
        catch (MemoryEntryNotFoundException)
        {
            Done(MemoryNotice.Gone, "facts");
        }
    }

    private async Task UploadAsync()
    {
        var file = HttpContext.Request.Form.Files.GetFile("file");
        var maxBytes = (long)Memory.Options.MaxDocumentLength * 4;
        if (file is null || (file.Length == 0 && string.IsNullOrEmpty(file.FileName)))
        {
            UploadErrors.Add("Choose a .txt or .md file to upload.");
            return;
        }
        if (file.Length > maxBytes)
        {
            UploadErrors.Add($"The file is {MemoryFormat.Bytes(file.Length)}; the memory takes documents up to {MemoryFormat.Bytes(maxBytes)}.");
            return;
        }
        try
        {
            string text;
            using (var reader = new StreamReader(file.OpenReadStream(), System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true))
            {
                text = await reader.ReadToEndAsync(Ct);
            }
            var shared = HttpContext.Request.Form["shared"] == "true";
            var document = await DocumentMemory.StoreAsync(Path.GetFileName(file.FileName), text, shared, cancellationToken: Ct);
            Done(MemoryNotice.DocumentStored, "documents", document.Name, document.Chunks);
        }
        catch (InvalidFieldException ex)
        {
            UploadErrors.Add(ex.Message);
        }
    }

    private async Task DeleteDocumentAsync(string documentId)
    {
        try
        {
            var chunks = await DocumentMemory.DeleteAsync(documentId, MemoryViewer.Owner, Ct);
            Done(MemoryNotice.DocumentDeleted, "documents", null, chunks);
        }
        catch (MemoryEntryNotFoundException)
        {
            Done(MemoryNotice.Gone, "documents");
        }
    }

    /// <summary>Back to this page with the same search and a notice (post-redirect-get), at the part that changed.</summary>
    private void Done(string notice, string part, string? name = null, int? chunks = null)
    {
        var url = QueryHelpers.AddQueryString(Filters.Url(Filters.Before), new Dictionary<string, string?>
        {
            ["notice"] = notice, ["name"] = name, ["chunks"] = chunks?.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }.Where(p => p.Value is not null));
        Navigation.NavigateTo(url + "#" + part);
    }

    private string? PostedItemId()
    {
        if (!HttpMethods.IsPost(HttpContext.Request.Method) || !HttpContext.Request.HasFormContentType)
        {
            return null;
        }
        var handler = HttpContext.Request.Form["_handler"].ToString();
        foreach (var prefix in (string[])["edit-fact-", "delete-fact-", "delete-document-"])
        {
            if (handler.StartsWith(prefix, StringComparison.Ordinal) && handler.Length - prefix.Length is > 0 and <= 64)
            {
                return handler[prefix.Length..];
            }
        }
        return null;
    }
}
