using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging.Abstractions;
using Timmy.Core.Router.Providers.LlamaCpp;

namespace Timmy.Tests.LlamaCpp;

/// <summary>Without a usable native library the tier says so, names where it looked, and refuses calls
/// with the same reason (these need no runtime installed).</summary>
public sealed class LlamaCppMissingLibraryTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("timmy-nolib-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public async Task ProbeAsync_LibraryPathDoesNotExist_IsUnavailableAndNamesThePath()
    {
        var missing = Path.Combine(folder, "no-such-dir");

        var detail = await UnavailableDetail(missing);

        Assert.Equal($"unavailable: no llama.cpp library at {missing} (neither a file nor a folder)", detail);
    }

    [Fact]
    public async Task ProbeAsync_FolderWithoutLibrary_SaysWhatItLookedFor()
    {
        var detail = await UnavailableDetail(folder);

        Assert.Equal($"unavailable: no llama.cpp library (libllama.so or libllama.*.so) in {folder}", detail);
    }

    [Fact]
    public async Task ProbeAsync_FileIsNotALibrary_ReportsTheLoaderError()
    {
        var fake = Path.Combine(folder, "libllama.so");
        await File.WriteAllTextAsync(fake, "not an ELF file", TestContext.Current.CancellationToken);

        var detail = await UnavailableDetail(fake);

        Assert.StartsWith($"unavailable: could not load the llama.cpp library {fake}", detail);
    }

    [Fact]
    public async Task ProbeAsync_NoLibraryPathAndNoneOnTheSystem_SaysWhereItLooked()
    {
        var onSystem = System.Runtime.InteropServices.NativeLibrary.TryLoad("libllama.so", out var handle);
        if (onSystem)
            System.Runtime.InteropServices.NativeLibrary.Free(handle);
        Assert.SkipWhen(onSystem, "this machine has a system-wide libllama.so");
        using var client = new LlamaCppChatClient(new LlamaCppSettings { ModelPath = "model.gguf" }, NullLogger<LlamaCppChatClient>.Instance);

        var probe = await client.ProbeAsync(TestContext.Current.CancellationToken);

        Assert.False(probe.Available);
        Assert.StartsWith("unavailable: no llama.cpp library (libllama.so) on the system library path (LD_LIBRARY_PATH, ldconfig)", probe.Detail);
    }

    [Fact]
    public async Task GetStreamingResponseAsync_NoLibrary_ThrowsTheProbeReason()
    {
        var missing = Path.Combine(folder, "gone");
        using var client = Client(missing);

        var error = await Assert.ThrowsAsync<LlamaCppUnavailableException>(async () =>
        {
            await foreach (var _ in client.GetStreamingResponseAsync([new ChatMessage(ChatRole.User, "hi")], cancellationToken: TestContext.Current.CancellationToken))
            {
            }
        });

        Assert.Contains(missing, error.Reason);
        Assert.StartsWith("llama.cpp tier unavailable: ", error.Message);
    }

    private async Task<string> UnavailableDetail(string libraryPath)
    {
        using var client = Client(libraryPath);
        var probe = await client.ProbeAsync(TestContext.Current.CancellationToken);
        Assert.False(probe.Available);
        return probe.Detail;
    }

    private LlamaCppChatClient Client(string libraryPath) => new(
        new LlamaCppSettings { LibraryPath = libraryPath, ModelPath = Path.Combine(folder, "model.gguf") },
        NullLogger<LlamaCppChatClient>.Instance);
}
