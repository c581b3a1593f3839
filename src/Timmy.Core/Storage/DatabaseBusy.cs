using Microsoft.Data.Sqlite;

namespace Timmy.Core.Storage;

/// <summary>Tells a database that is busy (another connection or process held its write lock past the busy
/// timeout) from one that is broken: busy is worth retrying, and is answered as such (HTTP 503 with Retry-After).</summary>
public static class DatabaseBusy
{
    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;

    /// <summary>How long a caller is asked to wait before trying again.</summary>
    public static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(2);

    public static bool Is(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is DatabaseBusyException or SqliteException { SqliteErrorCode: SqliteBusy or SqliteLocked })
            {
                return true;
            }
        }
        return false;
    }
}
