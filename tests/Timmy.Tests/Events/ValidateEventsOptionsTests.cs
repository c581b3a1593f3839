using Timmy.Core.Events;

namespace Timmy.Tests.Events;

public sealed class ValidateEventsOptionsTests
{
    [Fact]
    public void Defaults_AreValid()
    {
        Assert.True(new ValidateEventsOptions().Validate(null, new EventsOptions()).Succeeded);
    }

    [Theory]
    [InlineData(nameof(EventsOptions.RetentionDays), "Timmy:Events:RetentionDays must be at least 1 (got 0).")]
    [InlineData(nameof(EventsOptions.ActivityFeedBuffer), "Timmy:Events:ActivityFeedBuffer must be between 1 and 100000 (got 0).")]
    [InlineData(nameof(EventsOptions.WebsocketEventThrottle), "Timmy:Events:WebsocketEventThrottle must be between 1 and 100000 events/s (got 0).")]
    [InlineData(nameof(EventsOptions.MaxConnectionsPerAddress), "Timmy:Events:MaxConnectionsPerAddress must be at least 1 (got 0).")]
    public void OneBadKey_IsNamedInTheMessage(string property, string expected)
    {
        var options = new EventsOptions();
        typeof(EventsOptions).GetProperty(property)!.SetValue(options, 0);

        var result = new ValidateEventsOptions().Validate(null, options);

        Assert.Equal([expected], result.Failures);
    }
}
