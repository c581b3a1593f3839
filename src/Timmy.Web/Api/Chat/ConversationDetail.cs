using Timmy.Core.Chat;

namespace Timmy.Web.Api.Chat;

/// <summary>A conversation and one page of its messages, oldest first; <see cref="HasOlder"/>: ask again with
/// <c>before_id</c> set to the first message's id for the ones before.</summary>
public sealed record ConversationDetail(Conversation Conversation, IReadOnlyList<ConversationMessage> Messages, bool HasOlder);
