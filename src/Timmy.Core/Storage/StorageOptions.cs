namespace Timmy.Core.Storage;

/// <summary>Where Timmy keeps its files. Bound from <c>Timmy:Storage</c>; <c>--data-dir</c> and
/// <c>TIMMY_DATA_DIR</c> set <see cref="DataDirectory"/>.</summary>
public sealed class StorageOptions
{
    public const string SectionName = "Timmy:Storage";

    /// <summary>Folder holding <c>swarm.db</c> and other state. Defaults to <c>./data</c>.</summary>
    public string DataDirectory { get; set; } = "data";

    /// <summary>SQLite busy timeout: how long a writer waits for a lock before failing.</summary>
    public int BusyTimeoutMs { get; set; } = 5000;

    public string DatabasePath => Path.Combine(Path.GetFullPath(DataDirectory), "swarm.db");
}
