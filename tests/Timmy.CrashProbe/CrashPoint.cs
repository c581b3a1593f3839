namespace Timmy.CrashProbe;

/// <summary>Where the probe dies while a store makes a logged change.</summary>
public enum CrashPoint
{
    /// <summary>It does not: the change commits and the probe exits normally.</summary>
    None,

    /// <summary>After the store's own rows are written, before its event row is.</summary>
    BeforeEvent,

    /// <summary>After both are written, before the transaction commits.</summary>
    BeforeCommit,

    /// <summary>Right after the commit, before the event is published or the caller hears of it.</summary>
    AfterCommit,
}
