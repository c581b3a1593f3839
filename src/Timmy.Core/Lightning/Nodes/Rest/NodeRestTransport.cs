using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Timmy.Core.Lightning.Nodes.Rest;

/// <summary>
/// Sends requests to one node's REST API and owns every way a call can fail on the way: unreachable, too slow, not
/// JSON. Errors the node answers with go through its <see cref="INodeErrorTranslator"/>. Each unary call has its own
/// deadline (from the <see cref="TimeProvider"/>); streams have none, because they stay open until cancelled.
/// </summary>
internal sealed class NodeRestTransport(
    HttpClient http,
    LightningConnectionString connection,
    Action<HttpRequestMessage> authorize,
    INodeErrorTranslator errors,
    TimeProvider time)
{
    public static readonly TimeSpan DefaultCallTimeout = TimeSpan.FromSeconds(30);

    /// <summary>A transport for a node of <paramref name="kind"/> that sends <paramref name="credential"/> in the
    /// header <paramref name="header"/> on every request.</summary>
    public static NodeRestTransport Create(LightningConnectionString connection, string kind, Func<LightningConnectionString, string?> credential,
        string header, INodeErrorTranslator errors, HttpClient http, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(time);
        if (connection.Type != kind || connection.Server is null || credential(connection) is not { } secret)
        {
            throw new ArgumentException($"A {kind} connection string with its server and credential is needed.", nameof(connection));
        }
        return new NodeRestTransport(http, connection, request => request.Headers.Add(header, secret), errors, time);
    }

    private readonly Uri _baseAddress = new(connection.Server!.ToString().TrimEnd('/') + "/");

    public string Kind { get; } = connection.Type;

    /// <summary>Calls and deserialises a successful answer; any error answer is thrown as translated.</summary>
    public async Task<T> SendAsync<T>(HttpMethod method, string path, object? body, CancellationToken cancellationToken, TimeSpan? timeout = null)
    {
        var response = await SendRawAsync(method, path, body, cancellationToken, timeout);
        return response.IsSuccess ? Deserialize<T>(response.Body) : throw Translate(response);
    }

    /// <summary>As <see cref="SendAsync{T}"/>, but a 404 (the node does not know the thing asked for) is null.</summary>
    public async Task<T?> SendOrNullAsync<T>(HttpMethod method, string path, object? body, CancellationToken cancellationToken)
        where T : class
    {
        var response = await SendRawAsync(method, path, body, cancellationToken);
        if (response.Status == HttpStatusCode.NotFound)
        {
            return null;
        }
        return response.IsSuccess ? Deserialize<T>(response.Body) : throw Translate(response);
    }

    /// <summary>Calls and returns the answer uninterpreted, for callers that treat some error answers as normal.</summary>
    public async Task<NodeResponse> SendRawAsync(HttpMethod method, string path, object? body, CancellationToken cancellationToken, TimeSpan? timeout = null)
    {
        var limit = timeout ?? DefaultCallTimeout;
        using var deadline = new CancellationTokenSource(limit, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        try
        {
            using var request = CreateRequest(method, path, body);
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, linked.Token);
            var text = await response.Content.ReadAsStringAsync(linked.Token);
            return new NodeResponse(response.StatusCode, ParseOrNull(text));
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw Unavailable($"did not answer within {limit.TotalSeconds:0.#} s", e);
        }
        catch (Exception e) when (e is HttpRequestException or IOException)
        {
            throw Unavailable("could not be reached: " + e.Message, e);
        }
    }

    /// <summary>Opens a streamed answer. An error answer is thrown as translated (or null for a 404 when
    /// <paramref name="notFoundIsNull"/>); the caller disposes the response.</summary>
    public async Task<HttpResponseMessage?> OpenStreamAsync(HttpMethod method, string path, object? body, bool notFoundIsNull, CancellationToken cancellationToken)
    {
        HttpResponseMessage response;
        try
        {
            using var request = CreateRequest(method, path, body);
            response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw Unavailable("did not answer in time", e);
        }
        catch (HttpRequestException e)
        {
            throw Unavailable("could not be reached: " + e.Message, e);
        }
        if (response.IsSuccessStatusCode)
        {
            return response;
        }
        using (response)
        {
            if (notFoundIsNull && response.StatusCode == HttpStatusCode.NotFound)
            {
                return null;
            }
            var text = await ReadErrorTextAsync(response, cancellationToken);
            throw Translate(new NodeResponse(response.StatusCode, ParseOrNull(text)));
        }
    }

    public LightningNodeException Translate(NodeResponse response) => errors.Translate(response.Status, response.Body);

    public LightningNodeException Unavailable(string what, Exception? inner = null) =>
        new(LightningNodeFailure.Unavailable, $"The {Kind} node at {_baseAddress.Authority} {what}", inner);

    public T Deserialize<T>(JsonElement? body)
    {
        try
        {
            if (body is { } element && element.Deserialize<T>(NodeJson.Options) is { } value)
            {
                return value;
            }
        }
        catch (JsonException e)
        {
            throw Unavailable("answered with JSON this client does not understand: " + e.Message, e);
        }
        throw Unavailable("answered without the expected JSON body");
    }

    private HttpRequestMessage CreateRequest(HttpMethod method, string path, object? body)
    {
        var request = new HttpRequestMessage(method, new Uri(_baseAddress, path));
        if (body is not null)
        {
            request.Content = JsonContent.Create(body, body.GetType(), options: NodeJson.Options);
        }
        authorize(request);
        return request;
    }

    private async Task<string> ReadErrorTextAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            using var deadline = new CancellationTokenSource(DefaultCallTimeout, time);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
            return await response.Content.ReadAsStringAsync(linked.Token);
        }
        catch (Exception e) when (e is HttpRequestException or IOException || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return "";
        }
    }

    private static JsonElement? ParseOrNull(string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        try
        {
            using var document = JsonDocument.Parse(text);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
