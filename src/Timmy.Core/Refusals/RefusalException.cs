using System.Collections.Immutable;

namespace Timmy.Core.Refusals;

/// <summary>
/// A request refused for a reason the caller can act on: nothing changed and nothing is broken. Each kind
/// (<see cref="InvalidFieldException"/>, <see cref="NotFoundException"/>, <see cref="ConflictException"/>,
/// <see cref="LimitExceededException"/>) is answered in one place by the host (HTTP: a ProblemDetails 400,
/// 404, 409 or 429); pages and the CLI show <see cref="Exception.Message"/>.
/// </summary>
public abstract class RefusalException(string title, string detail, string? message = null) : Exception(message ?? detail)
{
    /// <summary>What was refused, in a few words ("No such conversation").</summary>
    public string Title { get; } = title;

    /// <summary>Why, and what to do instead.</summary>
    public string Detail { get; } = detail;

    /// <summary>Values a client can act on (ids), named as the API names them; they join the problem body.</summary>
    public virtual IReadOnlyDictionary<string, object?> Facts => ImmutableDictionary<string, object?>.Empty;
}
