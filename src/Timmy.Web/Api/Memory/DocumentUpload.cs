using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using Timmy.Core.Memory;
using Timmy.Core.Memory.Documents;
using Timmy.Core.Refusals;

namespace Timmy.Web.Api.Memory;

/// <summary>
/// <c>POST /api/v1/memory/documents</c>: a text or Markdown document, sent as multipart/form-data (the file in
/// <c>file</c>, <c>shared</c> true or false) or as JSON (<see cref="UploadDocumentRequest"/>), stored as chunks by
/// <see cref="DocumentMemory"/>. The body may be at most <see cref="BodyLimit"/> bytes (413 beyond); a file must be
/// UTF-8 text (a byte-order mark is dropped); a form's faults are named <c>file</c> or <c>shared</c>, JSON's by its field.
/// </summary>
public static class DocumentUpload
{
    public const string FormContentType = "multipart/form-data";
    public const string FileField = "file";

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Room for the longest document the memory takes in UTF-8 (up to 4 bytes a character), and a form's parts.</summary>
    public static long BodyLimit(MemoryOptions options) => options.MaxDocumentLength * 4L + 64 * 1024;

    public static async Task<Results<Created<MemoryDocumentDto>, ProblemHttpResult>> UploadAsync(
        HttpRequest request, DocumentMemory documents, IOptions<MemoryOptions> options, IOptions<JsonOptions> json, CancellationToken ct)
    {
        var limit = BodyLimit(options.Value);
        if (request.ContentLength > limit)
        {
            return TooLarge(limit);
        }
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = limit;
        }
        Upload? upload;
        try
        {
            upload = request.HasFormContentType ? await FromFormAsync(request, limit, ct)
                : request.HasJsonContentType() ? await FromJsonAsync(request, json.Value.SerializerOptions, ct)
                : throw new InvalidFieldException("body", $"Send the document as {FormContentType} (a '{FileField}' field) or as JSON {{name, content, shared}}.");
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return TooLarge(limit);
        }
        if (upload is null)
        {
            return TooLarge(limit);
        }
        MemoryDocument document;
        try
        {
            document = await documents.StoreAsync(upload.Name, upload.Text, upload.Shared, cancellationToken: CancellationToken.None);
        }
        catch (InvalidFieldException ex) when (upload.FromForm && ex.Field is "name" or "content")
        {
            throw new InvalidFieldException(FileField, ex.Message);
        }
        return TypedResults.Created($"{MemoryEndpoints.Prefix}/documents/{Uri.EscapeDataString(document.DocumentId)}", MemoryDocumentDto.From(document));
    }

    /// <summary>The form's file and sharing; null when the body is over <paramref name="limit"/>.</summary>
    private static async Task<Upload?> FromFormAsync(HttpRequest request, long limit, CancellationToken ct)
    {
        request.HttpContext.Features.Set<IFormFeature>(new FormFeature(request, new FormOptions { MultipartBodyLengthLimit = limit }));
        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(ct);
        }
        catch (InvalidDataException ex) when (ex.Message.Contains("limit", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException)
        {
            throw new InvalidFieldException(FileField, $"The form could not be read: {ex.Message}");
        }
        var file = form.Files.GetFile(FileField)
            ?? throw new InvalidFieldException(FileField, $"Attach the document as the form's '{FileField}' field.");
        if (file.Length > limit)
        {
            return null;
        }
        var bytes = new byte[file.Length];
        await using (var stream = file.OpenReadStream())
        {
            await stream.ReadExactlyAsync(bytes, ct);
        }
        return new Upload(file.FileName, Decode(file.FileName, bytes), Shared(form["shared"].ToString()), FromForm: true);
    }

    private static async Task<Upload> FromJsonAsync(HttpRequest request, JsonSerializerOptions json, CancellationToken ct)
    {
        UploadDocumentRequest? body;
        try
        {
            body = await request.ReadFromJsonAsync<UploadDocumentRequest>(json, ct);
        }
        catch (JsonException ex)
        {
            // Named by MalformedRequestProblem, as for every JSON body: the field at fault, or the body.
            throw new BadHttpRequestException("The JSON body could not be read.", StatusCodes.Status400BadRequest, ex);
        }
        return body is null
            ? throw new InvalidFieldException("body", "A JSON body is required: an object with name, content and shared.")
            : new Upload(body.Name, body.Content, body.Shared ?? false, FromForm: false);
    }

    /// <summary>The file's text, strictly UTF-8; bytes that are not, or a NUL (a binary file), are refused.</summary>
    private static string Decode(string name, byte[] bytes)
    {
        string text;
        try
        {
            text = StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException ex)
        {
            throw new InvalidFieldException(FileField,
                $"'{name}' is not UTF-8 text (byte {ex.Index} cannot be read). Save it as UTF-8 and upload it again.");
        }
        return text.Contains('\0')
            ? throw new InvalidFieldException(FileField, $"'{name}' holds NUL characters: it looks like a binary file, not text.")
            : text.TrimStart('\uFEFF');
    }

    private static bool Shared(string value) => value.Trim().ToLowerInvariant() switch
    {
        "" or "false" or "off" or "0" => false,
        "true" or "on" or "1" => true,
        _ => throw new InvalidFieldException("shared", "'shared' must be true or false."),
    };

    private static ProblemHttpResult TooLarge(long limit) => TypedResults.Problem(
        statusCode: StatusCodes.Status413PayloadTooLarge,
        title: "Document too large",
        detail: $"The request may be at most {limit} bytes; the memory takes documents of up to {(limit - 64 * 1024) / 4} characters.");

    private sealed record Upload(string? Name, string? Text, bool Shared, bool FromForm);
}
