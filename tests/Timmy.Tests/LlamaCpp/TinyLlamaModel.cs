namespace Timmy.Tests.LlamaCpp;

/// <summary>A tiny "llama"-architecture GGUF model with random weights, built from the keys and tensors
/// llama.cpp's loader requires for that architecture (llama.block_count, embedding/feed-forward
/// lengths, head count, RMS epsilon, context length; token_embd, output_norm, output and per block
/// attn_norm, attn_q/k/v, attn_output, ffn_norm, ffn_gate/up/down) and a SentencePiece-style vocabulary
/// ("llama" tokenizer): unk, bos, eos, the 256 byte tokens, then a few words. The output rows of the
/// special and byte tokens are zero, so the random model always picks a printable word and never
/// stops on its own: good for testing streaming and cancellation, useless for reading.</summary>
internal static class TinyLlamaModel
{
    private const int Embedding = 64, FeedForward = 128, Heads = 2, Layers = 1;
    private const int FirstWord = 3 + 256;

    private static readonly string[] Words =
    [
        "▁", "▁the", "▁a", "▁sats", "▁node", "▁Timmy", "▁local", "▁model", "▁answer", "▁is", "▁and",
        "▁hello", "▁world", "▁bitcoin", "▁runs", "▁here", "e", "t", "a", "o", "n", "s", "r", "h",
        "l", "d", "c", "u", "m", "i", ".", ",", "!", "?",
    ];

    public static string Write(string path, string? chatTemplate = null, int seed = 7)
    {
        var tokens = new List<string> { "<unk>", "<s>", "</s>" };
        var types = new List<int> { 2, 3, 3 };
        for (var b = 0; b < 256; b++)
        {
            tokens.Add($"<0x{b:X2}>");
            types.Add(6);
        }
        tokens.AddRange(Words);
        types.AddRange(Words.Select(_ => 1));
        var scores = tokens.Select((_, i) => i < FirstWord ? 0f : -(i - FirstWord)).ToList();
        var vocab = tokens.Count;

        var random = new Random(seed);
        float[] RandomWeights(long count) => Enumerable.Range(0, (int)count).Select(_ => (float)(random.NextDouble() - 0.5) * 0.5f).ToArray();
        float[] Ones(int count) => Enumerable.Repeat(1f, count).ToArray();

        var output = RandomWeights((long)Embedding * vocab);
        System.Array.Clear(output, 0, Embedding * FirstWord);

        var gguf = new GgufWriter()
            .String("general.architecture", "llama")
            .String("general.name", "timmy-test-tiny")
            .UInt32("general.alignment", 32)
            .UInt32("llama.context_length", 4096)
            .UInt32("llama.embedding_length", Embedding)
            .UInt32("llama.block_count", Layers)
            .UInt32("llama.feed_forward_length", FeedForward)
            .UInt32("llama.attention.head_count", Heads)
            .UInt32("llama.attention.head_count_kv", Heads)
            .Float32("llama.attention.layer_norm_rms_epsilon", 1e-5f)
            .String("tokenizer.ggml.model", "llama")
            .Strings("tokenizer.ggml.tokens", tokens)
            .Float32s("tokenizer.ggml.scores", scores)
            .Int32s("tokenizer.ggml.token_type", types)
            .UInt32("tokenizer.ggml.unknown_token_id", 0)
            .UInt32("tokenizer.ggml.bos_token_id", 1)
            .UInt32("tokenizer.ggml.eos_token_id", 2)
            .Bool("tokenizer.ggml.add_bos_token", true)
            .Tensor("token_embd.weight", RandomWeights((long)Embedding * vocab), Embedding, vocab)
            .Tensor("output_norm.weight", Ones(Embedding), Embedding)
            .Tensor("output.weight", output, Embedding, vocab);
        if (chatTemplate is not null)
            gguf.String("tokenizer.chat_template", chatTemplate);
        for (var layer = 0; layer < Layers; layer++)
        {
            var blk = $"blk.{layer}.";
            gguf.Tensor(blk + "attn_norm.weight", Ones(Embedding), Embedding)
                .Tensor(blk + "attn_q.weight", RandomWeights(Embedding * Embedding), Embedding, Embedding)
                .Tensor(blk + "attn_k.weight", RandomWeights(Embedding * Embedding), Embedding, Embedding)
                .Tensor(blk + "attn_v.weight", RandomWeights(Embedding * Embedding), Embedding, Embedding)
                .Tensor(blk + "attn_output.weight", RandomWeights(Embedding * Embedding), Embedding, Embedding)
                .Tensor(blk + "ffn_norm.weight", Ones(Embedding), Embedding)
                .Tensor(blk + "ffn_gate.weight", RandomWeights(Embedding * FeedForward), Embedding, FeedForward)
                .Tensor(blk + "ffn_up.weight", RandomWeights(Embedding * FeedForward), Embedding, FeedForward)
                .Tensor(blk + "ffn_down.weight", RandomWeights(FeedForward * Embedding), FeedForward, Embedding);
        }
        gguf.Save(path);
        return path;
    }
}
