using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Timmy.Core.Storage;

namespace Timmy.Web.Hosting;

/// <summary>A data folder Timmy cannot use (read-only, not ours, a file in the way) says so in one line at start-up,
/// naming the folder and the way to choose another, instead of a stack trace.</summary>
public static class DataFolderProblem
{
    // SQLITE_READONLY (8), SQLITE_CANTOPEN (14), SQLITE_PERM (3), SQLITE_IOERR (10)
    public static bool Is(Exception ex) =>
        ex is UnauthorizedAccessException or IOException ||
        ex is SqliteException { SqliteErrorCode: 3 or 8 or 10 or 14 };

    public static string Describe(WebApplication app, Exception ex)
    {
        var folder = Path.GetFullPath(app.Services.GetRequiredService<IOptions<StorageOptions>>().Value.DataDirectory);
        return $"the data folder {folder} cannot be used ({ex.Message.TrimEnd('.')}). " +
               "Make it writable, or choose another with --data-dir or TIMMY_DATA_DIR.";
    }
}
