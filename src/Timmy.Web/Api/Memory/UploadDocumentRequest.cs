namespace Timmy.Web.Api.Memory;

/// <summary>The JSON body of <c>POST /api/v1/memory/documents</c>: the file's name (.txt, .text, .md or .markdown), its
/// text, and whether the agents may see it. (The same endpoint takes multipart/form-data: a <c>file</c> and
/// <c>shared</c>.)</summary>
public sealed record UploadDocumentRequest(string? Name, string? Content, bool? Shared);
