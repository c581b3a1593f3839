using Timmy.Core.Refusals;

namespace Timmy.Core.Lightning;

/// <summary>The Lightning node understood the request and said no; its words are in the detail. Nothing was recorded.</summary>
public sealed class NodeRefusedException(string detail) : ConflictException("Lightning node refused", detail);
