namespace Timmy.Core.Refusals;

/// <summary>One field of the request is wrong; the message says how, naming the field as the caller wrote it.</summary>
public sealed class InvalidFieldException(string field, string message) : RefusalException("Invalid request", message)
{
    public string Field { get; } = field;
}
