using System.Data.Common;

namespace Timmy.Core.Storage;

/// <summary>The one place connections come from, so every store gets the same pragmas.</summary>
public interface IDbConnectionFactory
{
    /// <summary>Opens a connection that is ready to use (pragmas applied).</summary>
    Task<DbConnection> OpenAsync(CancellationToken cancellationToken = default);

    /// <summary>Begins a write transaction that holds the write lock from its start (so it never has to upgrade a
    /// read lock), on a new connection closed with it, or on <paramref name="connection"/> (left open) when given.
    /// The write transactions of one factory run one at a time, each publishing before the next begins
    /// (see <see cref="WriteTransaction"/>).</summary>
    /// <exception cref="DatabaseBusyException">Another write transaction held the turn for longer than the busy timeout.</exception>
    Task<WriteTransaction> BeginWriteAsync(DbConnection? connection = null, CancellationToken cancellationToken = default);

    /// <summary>A short human description of the database (path or server), for start-up output.</summary>
    string Describe();
}
