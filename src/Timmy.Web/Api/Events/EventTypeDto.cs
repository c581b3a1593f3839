namespace Timmy.Web.Api.Events;

/// <summary>One entry of the event catalogue, as the dashboard shows it.</summary>
public sealed record EventTypeDto(string EventType, string Category, string Label, string Icon);
