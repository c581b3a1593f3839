using Timmy.Core.Refusals;

namespace Timmy.Core.Upgrades;

/// <summary>A branch's change does what no proposal may: it touches files outside the allowed directories, adds or
/// changes a symbolic link or submodule, changes a file's mode, or carries binary content a reviewer cannot read. It is
/// not stored.</summary>
public sealed class ProposalRefusedException(string detail) : ConflictException("Proposal refused", $"The change cannot be proposed: {detail}.");
