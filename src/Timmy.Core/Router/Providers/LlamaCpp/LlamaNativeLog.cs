using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using Microsoft.Extensions.Logging;

namespace Timmy.Core.Router.Providers.LlamaCpp;

/// <summary>Takes over llama.cpp's log output (by default it writes every load step to stderr). Warnings
/// and errors go to the most recently attached <see cref="ILogger"/>; errors raised on the current
/// thread are also collected while a capture is open, so a failed model load can say why.
/// llama.cpp's log callback is process-wide, hence the static state.</summary>
internal static unsafe class LlamaNativeLog
{
    private const int LevelWarn = 3;
    private const int LevelError = 4;
    private const int LevelContinue = 5;

    private static ILogger? logger;
    private static int installed;

    [ThreadStatic] private static StringBuilder? capture;
    [ThreadStatic] private static int lastLevel;

    public static void Attach(ILogger sink) => logger = sink;

    public static void Install(LlamaNative native)
    {
        if (Interlocked.Exchange(ref installed, 1) == 0)
            native.LogSet((nint)(delegate* unmanaged[Cdecl]<int, byte*, nint, void>)&OnLog, 0);
    }

    public static void BeginCapture() => capture = new StringBuilder();

    public static string EndCapture()
    {
        var text = capture?.ToString().Trim() ?? "";
        capture = null;
        return text;
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void OnLog(int level, byte* text, nint userData)
    {
        try
        {
            var effective = level == LevelContinue ? lastLevel : level;
            lastLevel = effective;
            if (effective < LevelWarn || text is null)
                return;
            var message = Marshal.PtrToStringUTF8((nint)text)?.TrimEnd() ?? "";
            if (message.Length == 0)
                return;
            if (effective >= LevelError)
            {
                capture?.Append(message).Append(' ');
                logger?.LogWarning("llama.cpp: {Message}", message);
            }
            else
            {
                logger?.LogDebug("llama.cpp: {Message}", message);
            }
        }
        catch
        {
            // An exception must never unwind into native code.
        }
    }
}
