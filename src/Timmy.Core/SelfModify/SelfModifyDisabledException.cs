using Timmy.Core.Refusals;

namespace Timmy.Core.SelfModify;

/// <summary>The loop is off in configuration, or there is no repository for it to change (HTTP 503).</summary>
public sealed class SelfModifyDisabledException(string detail) : UnavailableException("Self-modify is off", detail);
