using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.RegularExpressions;

namespace Timmy.Core.Router.Providers.LlamaCpp;

/// <summary>Finds and loads libllama once per process: from a configured file, from a configured folder
/// (which may hold a versioned name such as <c>libllama.v0.5.0.so</c>, as the npm runtime does), or
/// through the system loader. Loading goes through <see cref="NativeLibrary"/>, so a missing or broken
/// library becomes a reason string rather than a crash. After binding, it initialises the llama
/// backend and, when no ggml compute backend is registered yet, loads the <c>libggml-cpu*.so</c>
/// variants from the library's folder (llama.cpp refuses to load a model with no backend).</summary>
internal static partial class LlamaLibraryLoader
{
    private static readonly ConcurrentDictionary<string, Lazy<(LlamaNative? Native, string? Reason)>> Loaded = new();
    private static readonly string[] SystemNames = ["libllama.so", "llama"];

    /// <summary>The llama_version() this binding's struct layouts were checked against. Another version
    /// may lay its parameter structs out differently, and a wrong layout corrupts memory rather than
    /// failing cleanly, so such a library is reported unavailable instead of being called.</summary>
    public const string SupportedVersion = "0.5.0";

    [GeneratedRegex(@"^(libllama(\.so(\..+)?|\.[^-/]+\.so)|libllama\.dylib|llama\.dll)$")]
    private static partial Regex LibraryName();

    public static (LlamaNative? Native, string? Reason) Load(string? libraryPath)
    {
        var key = string.IsNullOrWhiteSpace(libraryPath) ? "" : Path.GetFullPath(libraryPath);
        return Loaded.GetOrAdd(key, k => new Lazy<(LlamaNative?, string?)>(() => LoadCore(k))).Value;
    }

    /// <summary>The library file to load for a configured file or folder, or why there is none.</summary>
    public static (string? File, string? Reason) Locate(string path)
    {
        if (File.Exists(path))
            return (path, null);
        if (!Directory.Exists(path))
            return (null, $"no llama.cpp library at {path} (neither a file nor a folder)");
        var candidates = Directory.EnumerateFiles(path)
            .Where(f => LibraryName().IsMatch(Path.GetFileName(f)))
            .OrderBy(f => Path.GetFileName(f) == "libllama.so" ? 0 : 1)
            .ThenBy(f => f, StringComparer.Ordinal)
            .ToList();
        return candidates.Count > 0
            ? (candidates[0], null)
            : (null, $"no llama.cpp library (libllama.so or libllama.*.so) in {path}");
    }

    private static (LlamaNative?, string?) LoadCore(string configuredPath)
    {
        nint handle;
        string file;
        if (configuredPath.Length > 0)
        {
            var (located, reason) = Locate(configuredPath);
            if (located is null)
                return (null, reason);
            file = located;
            try
            {
                handle = NativeLibrary.Load(file);
            }
            catch (Exception e) when (e is DllNotFoundException or BadImageFormatException)
            {
                return (null, $"could not load the llama.cpp library {file}: {e.Message}");
            }
        }
        else
        {
            handle = 0;
            file = "";
            foreach (var name in SystemNames)
            {
                if (NativeLibrary.TryLoad(name, out handle))
                {
                    file = name;
                    break;
                }
            }
            if (handle == 0)
                return (null, "no llama.cpp library (libllama.so) on the system library path "
                    + "(LD_LIBRARY_PATH, ldconfig); set the tier's LibraryPath to the file or its folder");
        }

        var native = LlamaNative.Bind(handle, file, out var missing);
        if (native is null)
            return (null, $"{file} is not a compatible llama.cpp build: it lacks {missing}");
        if (native.Version.Split('-')[0] != SupportedVersion)
            return (null, $"{file} is llama.cpp {native.Version}, but this binding is written for {SupportedVersion}");
        return Initialise(native, file);
    }

    private static unsafe (LlamaNative?, string?) Initialise(LlamaNative native, string file)
    {
        LlamaNativeLog.Install(native);
        native.BackendInit();
        if (native.GgmlBackendRegCount() == 0 && File.Exists(file))
        {
            var folder = Path.GetDirectoryName(Path.GetFullPath(file))!;
            var bytes = Encoding.UTF8.GetBytes(folder + "\0");
            fixed (byte* p = bytes)
                native.GgmlBackendLoadAllFromPath(p);
        }
        // A system-wide install: ggml's own search (GGML_BACKEND_PATH, the executable's folder, the
        // working directory) is all there is.
        if (native.GgmlBackendRegCount() == 0)
            native.GgmlBackendLoadAll();
        return native.GgmlBackendRegCount() == 0
            ? (null, $"{file} loaded, but no ggml compute backend (libggml-cpu*.so) was found beside it")
            : (native, null);
    }
}
