using System.Text;
using LLama.Native;
using Microsoft.Extensions.Logging;

namespace Timmy.Core.Router.Providers.LlamaCpp;

/// <summary>Takes over llama.cpp's log output (by default it writes every load step to stderr). Warnings
/// and errors go to the most recently attached <see cref="ILogger"/>; errors raised on the current
/// thread are also collected while a capture is open, so a failed model load can say why.
/// llama.cpp's log callback is process-wide, hence the static state.</summary>
internal static class LlamaNativeLog
{
    // Held here so the delegate native code calls is never collected.
    private static readonly NativeLogConfig.LLamaLogCallback Callback = OnLog;
    private static ILogger? logger;
    private static int installed;

    [ThreadStatic] private static StringBuilder? capture;
    [ThreadStatic] private static LLamaLogLevel lastLevel;

    public static void Attach(ILogger sink)
    {
        logger = sink;
        if (Interlocked.Exchange(ref installed, 1) == 0)
            NativeLogConfig.llama_log_set(Callback);
    }

    public static void BeginCapture() => capture = new StringBuilder();

    public static string EndCapture()
    {
        var text = capture?.ToString().Trim() ?? "";
        capture = null;
        return text;
    }

    private static void OnLog(LLamaLogLevel level, string text)
    {
        var effective = level == LLamaLogLevel.Continue ? lastLevel : level;
        lastLevel = effective;
        var message = text.TrimEnd();
        if (effective < LLamaLogLevel.Warning || message.Length == 0)
            return;
        if (effective >= LLamaLogLevel.Error)
        {
            capture?.Append(message).Append(' ');
            logger?.LogWarning("llama.cpp: {Message}", message);
        }
        else
        {
            logger?.LogDebug("llama.cpp: {Message}", message);
        }
    }
}
