using System.Net.Sockets;
using System.Text.Json;
using Microsoft.Extensions.AI;
using OllamaSharp;
using OllamaSharp.Models.Exceptions;

namespace Timmy.Core.Memory.Embeddings;

/// <summary>An Ollama embedding model through OllamaSharp's own <c>IEmbeddingGenerator</c> (<c>POST /api/embed</c>;
/// Ollama truncates over-long input itself). Vectors come back L2-normalised; a server that cannot be reached or
/// that refuses becomes <see cref="EmbedderUnavailableException"/>. The dimension is not known until the model has
/// answered once: <see cref="Info"/> reports 0 dimensions until then (the memory's worker probes once at start).</summary>
public sealed class OllamaEmbeddingGenerator : IEmbeddingGenerator<string, Embedding<float>>
{
    /// <summary>Longest wait for one answer; the first call may load the model.</summary>
    public static readonly TimeSpan RequestTimeout = TimeSpan.FromMinutes(2);

    private readonly HttpClient _http;
    private readonly IEmbeddingGenerator<string, Embedding<float>> _client;
    private readonly Uri _url;
    private readonly string _model;
    private int _dimensions;

    public OllamaEmbeddingGenerator(string url, string model)
    {
        _url = new Uri(url);
        _model = model;
        _http = new HttpClient { BaseAddress = _url, Timeout = RequestTimeout };
        _client = new OllamaApiClient(_http, model);
    }

    public EmbedderInfo Info
    {
        get
        {
            var dimensions = Volatile.Read(ref _dimensions);
            var size = dimensions > 0 ? $"{dimensions} dimensions" : "dimensions known after its first answer";
            return new EmbedderInfo("ollama/" + _model, dimensions, LexicalOnly: false, $"Ollama model {_model} at {_url} ({size}).");
        }
    }

    public async Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        var texts = values.ToList();
        if (texts.Count == 0)
        {
            return [];
        }
        GeneratedEmbeddings<Embedding<float>> answer;
        try
        {
            answer = await _client.GenerateAsync(texts, options, cancellationToken);
        }
        catch (Exception e) when (IsUnavailable(e, cancellationToken))
        {
            throw new EmbedderUnavailableException($"Ollama at {_url} could not embed with the model '{_model}': {e.Message}", e);
        }
        if (answer.Count != texts.Count)
        {
            throw new EmbedderUnavailableException($"Ollama at {_url} answered {answer.Count} vectors for {texts.Count} texts.");
        }
        var vectors = answer.Select(e => e.Vector.ToArray()).ToList();
        vectors.ForEach(v => VectorMath.Normalize(v));
        Volatile.Write(ref _dimensions, vectors[0].Length);
        return VectorMath.ToEmbeddings(vectors, Info.Id);
    }

    private static bool IsUnavailable(Exception e, CancellationToken cancellationToken) => e switch
    {
        OperationCanceledException => !cancellationToken.IsCancellationRequested, // the client's timeout, not the caller
        HttpRequestException or OllamaException or IOException or SocketException or JsonException => true,
        _ => false,
    };

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        EmbedderServices.Answer(this, serviceType, serviceKey, Info, "ollama", _url, _model);

    public void Dispose()
    {
        _client.Dispose();
        _http.Dispose();
    }
}
