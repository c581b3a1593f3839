namespace Timmy.Core.SelfModify;

/// <summary>One file in the model's answer: its new whole content, or its deletion.</summary>
public sealed record FileChange(string Path, string? Content, bool Delete);
