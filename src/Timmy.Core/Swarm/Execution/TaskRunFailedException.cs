namespace Timmy.Core.Swarm.Execution;

/// <summary>A run ended without a usable result; the message becomes the task's error.</summary>
public sealed class TaskRunFailedException(string message) : Exception(message);
