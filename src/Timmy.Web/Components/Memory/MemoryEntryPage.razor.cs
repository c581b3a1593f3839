using Microsoft.AspNetCore.Components;
using Timmy.Core.Memory;
using Timmy.Core.Refusals;

namespace Timmy.Web.Components.Memory;

/// <summary>/memory/{id}: one entry in full, with its metadata and links (the chat conversation it came from, its task),
/// and its actions: share or make private, delete, and for a fact, rewrite. Timmy's chat links "remembered" entries
/// here. An unknown id is the "Not found" page (404); the forms post back here and redirect with a notice.</summary>
public partial class MemoryEntryPage
{
    [Inject] private MemoryService Memory { get; set; } = default!;
    [Inject] private TimeProvider Time { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;
    [CascadingParameter] private HttpContext HttpContext { get; set; } = default!;

    [Parameter] public string Id { get; set; } = "";

    [SupplyParameterFromQuery(Name = "notice")] private string? NoticeCode { get; set; }

    [SupplyParameterFromForm(FormName = "edit", Name = "content")] private string? EditedContent { get; set; }
    [SupplyParameterFromForm(FormName = "share", Name = "shared")] private string? SharedValue { get; set; }

    private MemoryEntry? Entry { get; set; }
    private EntryMetadata Metadata { get; set; } = EntryMetadata.Empty;
    private MemoryNotice? Notice { get; set; }
    private string? Error { get; set; }
    private DateTimeOffset Now { get; set; }

    private bool IsFact => Entry?.ContextType == MemoryContextTypes.Fact;

    private string Title => Entry?.ContextType switch
    {
        MemoryContextTypes.Fact => "Fact",
        MemoryContextTypes.Document => "Document chunk",
        MemoryContextTypes.Conversation => "Conversation turn",
        var other => other ?? "Entry",
    };

    private string Here => MemoryFormat.EntryUrl(Id);

    protected override async Task OnInitializedAsync()
    {
        Now = Time.GetUtcNow();
        Notice = MemoryNotice.For(NoticeCode);
        try
        {
            Entry = Id.Length <= 64 ? await Memory.GetAsync(Id, MemoryViewer.Owner, HttpContext.RequestAborted) : null;
        }
        catch (MemoryEntryNotFoundException)
        {
            Entry = null;
        }
        if (Entry is null)
        {
            Navigation.NotFound();
            return;
        }
        Metadata = EntryMetadata.Parse(Entry.Metadata);
    }

    private async Task EditAsync()
    {
        if (string.IsNullOrWhiteSpace(EditedContent))
        {
            Error = "Write the fact: the text is empty. To forget it, delete it.";
            return;
        }
        await ChangeAsync(new MemoryEdit(EditedContent), MemoryNotice.Updated);
    }

    private Task ShareAsync() => ChangeAsync(new MemoryEdit(Shared: SharedValue == "true"), SharedValue == "true" ? MemoryNotice.Shared : MemoryNotice.Unshared);

    private async Task DeleteAsync()
    {
        try
        {
            await Memory.DeleteAsync(Id, MemoryViewer.Owner, HttpContext.RequestAborted);
            Navigation.NavigateTo($"{MemoryFilters.Path}?notice={MemoryNotice.Deleted}");
        }
        catch (MemoryEntryNotFoundException)
        {
            Navigation.NavigateTo($"{MemoryFilters.Path}?notice={MemoryNotice.Gone}");
        }
    }

    private async Task ChangeAsync(MemoryEdit edit, string notice)
    {
        try
        {
            await Memory.UpdateAsync(Id, edit, MemoryViewer.Owner, HttpContext.RequestAborted);
            Navigation.NavigateTo($"{Here}?notice={notice}");
        }
        catch (MemoryEntryNotFoundException)
        {
            Navigation.NavigateTo($"{MemoryFilters.Path}?notice={MemoryNotice.Gone}");
        }
        catch (RefusalException ex)
        {
            Error = ex.Message;
        }
    }
}
