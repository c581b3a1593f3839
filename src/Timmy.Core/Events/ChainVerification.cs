namespace Timmy.Core.Events;

/// <summary>What a walk of the event log's hash chain found. <see cref="Intact"/> is true when every event from the
/// anchor to <see cref="LastId"/> is there, follows the one before it and hashes to what is stored; otherwise
/// <see cref="BrokenAtId"/> is the first event missing or altered and <see cref="Problem"/> says which.
/// <see cref="HeadHash"/> is the newest hash: kept somewhere else, it also proves later that nothing was cut off the end.</summary>
public sealed record ChainVerification(
    bool Intact,
    long Checked,
    long AnchorId,
    string AnchorHash,
    long LastId,
    string HeadHash,
    long? BrokenAtId,
    string? Problem)
{
    /// <summary>One line for the CLI and the page.</summary>
    public string Summary => Intact
        ? Checked == 0
            ? $"Chain intact: no events after #{AnchorId}."
            : $"Chain intact: {Checked} events, #{AnchorId + 1} to #{LastId}; head {HeadHash[..16]}…"
        : $"Chain broken at #{BrokenAtId}: {Problem}";
}
