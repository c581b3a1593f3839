using Timmy.Core.Refusals;

namespace Timmy.Core.Events;

/// <summary>An event of a category only Timmy itself logs (<see cref="EventType.ReservedCategories"/>) was posted
/// through the API; <see cref="Item"/> names the batch item when it came in a batch.</summary>
public sealed class ReservedEventCategoryException(string eventType, string category, string? item = null) : ForbiddenException(
    $"'{category}' events are reserved",
    $"{(item is null ? "" : item + ": ")}'{eventType}' is in the reserved category '{category}': only Timmy itself logs {category}.* events, " +
    $"so none can be posted through the API. Post a system.* event instead.")
{
    public string Category { get; } = category;
    public string? Item { get; } = item;

    public override IReadOnlyDictionary<string, object?> Facts => new Dictionary<string, object?>
    {
        ["category"] = Category,
        ["item"] = Item,
    };
}
