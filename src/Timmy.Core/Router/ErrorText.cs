using OllamaSharp.Models.Exceptions;
using Polly.Timeout;

namespace Timmy.Core.Router;

/// <summary>A short, secret-free description of a provider error for metrics, events and the all-fail message.</summary>
public static class ErrorText
{
    public const int MaxLength = 300;

    public static string Describe(Exception ex)
    {
        var text = ex switch
        {
            TimeoutRejectedException t => $"timed out after {t.Timeout.TotalSeconds:0.#} s",
            OllamaException => "rejected by the server: " + FirstLine(ex.Message),
            HttpRequestException { StatusCode: null } h => "connection failed: " + (h.InnerException?.Message ?? h.Message),
            _ when TransientErrors.StatusOf(ex) is { } status => $"HTTP {status}: {FirstLine(ex.Message)}",
            _ => $"{ex.GetType().Name}: {FirstLine(ex.Message)}",
        };
        return text.Length <= MaxLength ? text : text[..MaxLength] + "…";
    }

    private static string FirstLine(string message)
    {
        var newline = message.IndexOfAny(['\r', '\n']);
        return newline < 0 ? message : message[..newline];
    }
}
