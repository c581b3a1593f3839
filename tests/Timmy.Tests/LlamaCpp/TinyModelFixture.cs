namespace Timmy.Tests.LlamaCpp;

/// <summary>Writes the tiny random-weight GGUF model once per test class, in a temporary folder.</summary>
public sealed class TinyModelFixture : IDisposable
{
    public TinyModelFixture()
    {
        Folder = Directory.CreateTempSubdirectory("timmy-llama-").FullName;
        ModelFile = TinyLlamaModel.Write(Path.Combine(Folder, "tiny-llama.gguf"));
    }

    public string Folder { get; }
    public string ModelFile { get; }

    public void Dispose() => Directory.Delete(Folder, recursive: true);
}
