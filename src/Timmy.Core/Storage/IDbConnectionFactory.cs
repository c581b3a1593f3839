using System.Data.Common;

namespace Timmy.Core.Storage;

/// <summary>The one place connections come from, so every store gets the same pragmas.</summary>
public interface IDbConnectionFactory
{
    /// <summary>Opens a connection that is ready to use (pragmas applied).</summary>
    Task<DbConnection> OpenAsync(CancellationToken cancellationToken = default);

    /// <summary>A short human description of the database (path or server), for start-up output.</summary>
    string Describe();
}
