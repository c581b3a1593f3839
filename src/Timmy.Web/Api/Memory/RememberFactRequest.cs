using System.ComponentModel.DataAnnotations;

namespace Timmy.Web.Api.Memory;

/// <summary>The body of <c>POST /api/v1/memory/facts</c>: a fact about the owner, in the third person ("The owner's name
/// is Alex."); optionally the key of a single-valued fact (name, location, occupation, birthday, timezone, pronouns: a
/// newer fact replaces the one under its key), and whether the agents may see it.</summary>
public sealed record RememberFactRequest(
    [property: Required(ErrorMessage = "State the fact: 'content' is required.")] string? Content,
    string? Key,
    bool? Shared);
