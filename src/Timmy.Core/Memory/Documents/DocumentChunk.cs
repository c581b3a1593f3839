namespace Timmy.Core.Memory.Documents;

/// <summary>One piece of a document: its <see cref="Index"/> (0-based), its character offset
/// (<see cref="Start"/>) and <see cref="Length"/> in the document's text with line endings normalised to
/// "\n", its 1-based first and last line, the heading path it sits under in Markdown ("Install > Linux";
/// null outside any heading and for plain text), and its <see cref="Text"/>, which is exactly that slice of
/// the normalised text.</summary>
public sealed record DocumentChunk(int Index, int Start, int Length, int FirstLine, int LastLine, string? Heading, string Text);
