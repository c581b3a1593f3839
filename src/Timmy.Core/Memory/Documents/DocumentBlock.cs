namespace Timmy.Core.Memory.Documents;

/// <summary>A paragraph, heading line or fenced code block of a document (trimmed), with the heading path it
/// sits under; <see cref="IsHeading"/> when the block is the heading line that opens a section, which
/// therefore starts a new chunk.</summary>
internal readonly record struct DocumentBlock(TextRange Range, string? Heading, bool IsHeading);
