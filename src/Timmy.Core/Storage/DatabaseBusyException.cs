namespace Timmy.Core.Storage;

/// <summary>A write transaction waited longer than the busy timeout for its turn.</summary>
public sealed class DatabaseBusyException(string message) : TimeoutException(message);
