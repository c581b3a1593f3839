namespace Timmy.Core.Refusals;

/// <summary>The caller has used up an allowance (questions per minute); the message says when to try again.</summary>
public sealed class LimitExceededException(string message) : RefusalException("Too many requests", message);
