namespace Timmy.Core.SelfModify;

/// <summary>No model answered the loop's question (every provider of the cascade failed); the run ends.</summary>
public sealed class ModelUnavailableException(string message) : Exception(message);
