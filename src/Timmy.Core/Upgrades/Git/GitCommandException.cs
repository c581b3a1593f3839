namespace Timmy.Core.Upgrades.Git;

/// <summary>A git operation did not succeed; the message carries git's own words.</summary>
public sealed class GitCommandException(string message) : Exception(message);
