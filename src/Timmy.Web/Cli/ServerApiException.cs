namespace Timmy.Web.Cli;

/// <summary>The server answered a client verb's request with an error: its status and the problem in one line.</summary>
public sealed class ServerApiException(int status, string message) : Exception(message)
{
    public int Status { get; } = status;

    /// <summary>The server found the request itself wrong (a bad field): the user's input to fix.</summary>
    public bool IsBadInput => Status == 400;
}
