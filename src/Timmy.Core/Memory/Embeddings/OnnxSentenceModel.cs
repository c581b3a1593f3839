namespace Timmy.Core.Memory.Embeddings;

/// <summary>The files of a BERT-style sentence model: the ONNX graph and its WordPiece vocabulary, with the
/// <see cref="EmbedderInfo.Id"/> its vectors carry and where it came from (for the description).</summary>
public sealed record OnnxSentenceModel(string Id, string Name, string Origin, byte[] Model, byte[] Vocabulary, bool LowerCase = true);
