namespace Timmy.Web.Cli;

/// <summary>Ctrl+C cancels the current answer instead of killing the process (a second Ctrl+C with no answer
/// running exits as usual).</summary>
internal sealed class ConsoleInterrupt : IDisposable
{
    private CancellationTokenSource _current = new();

    public ConsoleInterrupt() => Console.CancelKeyPress += OnCancel;

    public CancellationToken Token => _current.Token;

    public CancellationToken Renew()
    {
        if (_current.IsCancellationRequested)
        {
            _current.Dispose();
            _current = new CancellationTokenSource();
        }
        return _current.Token;
    }

    private void OnCancel(object? sender, ConsoleCancelEventArgs e)
    {
        if (!_current.IsCancellationRequested)
        {
            e.Cancel = true;
            _current.Cancel();
        }
    }

    public void Dispose()
    {
        Console.CancelKeyPress -= OnCancel;
        _current.Dispose();
    }
}
