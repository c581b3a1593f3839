using System.Text.Json;
using Microsoft.Extensions.Options;
using Timmy.Core.Refusals;
using Timmy.Core.Storage;

namespace Timmy.Core.Memory.Documents;

/// <summary>Uploaded documents: a text or Markdown file is cut into chunks (<see cref="DocumentChunker"/>), each stored as a
/// document entry whose metadata keeps its document, position (offset, length, lines) and heading path; all chunks
/// commit together with one memory.stored event, and are deleted together.</summary>
public sealed class DocumentMemory(MemoryService memory, IMemoryStore store, IOptions<MemoryOptions> options, TimeProvider time)
{
    public const int MaxNameLength = 200;
    public const string UploadSource = "upload";

    /// <exception cref="InvalidFieldException">The name is not a .txt or .md file, or the text is empty or too long;
    /// nothing is stored.</exception>
    public async Task<MemoryDocument> StoreAsync(
        string? name, string? text, bool shared, string? agentId = null, string source = UploadSource, CancellationToken cancellationToken = default)
    {
        name = (name ?? "").Trim();
        if (name.Length is 0 or > MaxNameLength || name.IndexOfAny(['/', '\\']) >= 0)
        {
            throw new InvalidFieldException("name", $"'name' must be a file name of 1 to {MaxNameLength} characters, without folders.");
        }
        if (!DocumentChunker.IsSupported(name, out var markdown))
        {
            throw new InvalidFieldException("name", $"'{name}' is not a text or Markdown file: the memory takes .txt, .text, .md and .markdown files.");
        }
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new InvalidFieldException("content", "The document is empty.");
        }
        if (text.Length > options.Value.MaxDocumentLength)
        {
            throw new InvalidFieldException("content", $"The document must be at most {options.Value.MaxDocumentLength} characters (was {text.Length}).");
        }
        var chunks = DocumentChunker.Chunk(text, markdown, Math.Min(DocumentChunker.DefaultMaxChars, options.Value.MaxContentLength));
        var documentId = SortableIds.New(time);
        var memories = chunks.Select(c => new NewMemory(c.Text.Trim(), MemoryContextTypes.Document, source)
        {
            AgentId = agentId,
            Shared = shared,
            Metadata = JsonSerializer.Serialize(new
            {
                document_id = documentId, document = name, chunk = c.Index, chunks = chunks.Count, start = c.Start, length = c.Length,
                first_line = c.FirstLine, last_line = c.LastLine, heading = c.Heading,
            }),
        }).Where(m => m.Content.Length > 0).Select(m => MemoryInput.Checked(m, options.Value.MaxContentLength)).ToList();
        var writes = await memory.EmbedAsync(memories, cancellationToken);
        var stored = await store.AddAsync(writes, entries => [MemoryEvents.DocumentStored(documentId, name, entries)], cancellationToken);
        return new MemoryDocument(documentId, name, stored.Count, stored.Sum(e => (long)e.Content.Length), shared, agentId, stored[0].Timestamp);
    }

    public Task<IReadOnlyList<MemoryDocument>> ListAsync(MemoryViewer viewer, CancellationToken cancellationToken = default) =>
        store.DocumentsAsync(viewer, cancellationToken);

    /// <summary>Deletes every chunk of the document; returns how many.</summary>
    /// <exception cref="MemoryEntryNotFoundException">No such document the viewer may delete.</exception>
    public async Task<int> DeleteAsync(string documentId, MemoryViewer viewer, CancellationToken cancellationToken = default)
    {
        var mine = (await store.DocumentsAsync(viewer, cancellationToken))
            .FirstOrDefault(d => d.DocumentId == documentId && (viewer.IsOwner || d.AgentId == viewer.AgentId));
        if (mine is null)
        {
            throw new MemoryEntryNotFoundException(documentId, "document");
        }
        var deleted = await store.DeleteDocumentAsync(documentId, chunks => MemoryEvents.DocumentDeleted(documentId, chunks), cancellationToken);
        return deleted.Count == 0 ? throw new MemoryEntryNotFoundException(documentId, "document") : deleted.Count;
    }
}
