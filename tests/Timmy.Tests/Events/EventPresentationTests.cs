using Timmy.Core.Events;
using Timmy.Web.Components.Events;

namespace Timmy.Tests.Events;

public sealed class EventPresentationTests
{
    public static TheoryData<string> CatalogueTypes => new(EventType.All);

    [Theory]
    [MemberData(nameof(CatalogueTypes))]
    public void EveryCatalogueType_HasItsOwnIconAndAReadableLabel(string eventType)
    {
        Assert.NotEqual("•", EventPresentation.Icon(eventType));
        Assert.NotEqual(eventType, EventPresentation.Label(eventType));
    }

    [Fact]
    public void UnknownType_FallsBackToADotAndTheTypeName()
    {
        Assert.Equal("•", EventPresentation.Icon("custom.thing"));
        Assert.Equal("custom.thing", EventPresentation.Label("custom.thing"));
    }
}
