namespace Timmy.Web.Api.Lightning.L402;

/// <summary>The model tokens one paid answer took, as the router counted them (estimated when a provider did not say).</summary>
public sealed record ServeChatUsage(long InputTokens, long OutputTokens);
