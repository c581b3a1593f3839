namespace Timmy.Tests.LlamaCpp;

/// <summary>Where the tests find the llama.cpp runtime: <c>TIMMY_LLAMA_LIBRARY_PATH</c> if set, else the
/// folder that scripts/test-setup.d/llamacpp.sh installs under the repository's <c>.tools/</c>.</summary>
internal static class LlamaTestRuntime
{
    public const string Variable = "TIMMY_LLAMA_LIBRARY_PATH";
    private const string InstalledFolder = ".tools/llama/node_modules/@node-llama-cpp/linux-x64/bins/linux-x64";

    public static string LibraryDirectory =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } configured ? configured : Path.Combine(RepositoryRoot(), InstalledFolder);

    /// <summary>Skips (visibly, with the reason) when the runtime is not installed.</summary>
    public static string RequireLibrary()
    {
        var directory = LibraryDirectory;
        var present = Directory.Exists(directory) && Directory.EnumerateFiles(directory, "libllama*.so").Any();
        Assert.SkipUnless(present, $"llama.cpp runtime not found at {directory}: run scripts/test-setup.d/llamacpp.sh or set {Variable}");
        return directory;
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Timmy.slnx")))
                return dir.FullName;
        }
        return Directory.GetCurrentDirectory();
    }
}
