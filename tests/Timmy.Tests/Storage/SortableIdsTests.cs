using Microsoft.Extensions.Time.Testing;
using Timmy.Core.Storage;

namespace Timmy.Tests.Storage;

public sealed class SortableIdsTests
{
    [Fact]
    public void IdsMadeInTheSameMillisecond_SortInTheOrderTheyWereMade()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 5, 12, 0, 0, TimeSpan.Zero));

        var ids = Enumerable.Range(0, 10_000).Select(_ => SortableIds.New(time)).ToList();

        Assert.Equal(ids, ids.Order(StringComparer.Ordinal));
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }

    [Fact]
    public void AnId_IsAVersion7Uuid_CarryingItsMillisecond()
    {
        var at = new DateTimeOffset(2030, 1, 2, 3, 4, 5, 678, TimeSpan.Zero);

        var id = Guid.Parse(SortableIds.New(new FakeTimeProvider(at)));

        Assert.Equal(7, id.Version);
        Assert.Equal(0b10, id.Variant >> 2);
        var ms = Convert.ToInt64(id.ToString("N")[..12], 16);
        Assert.True(ms >= at.ToUnixTimeMilliseconds(), "the id's time is not before the clock");
    }

    [Fact]
    public void AClockThatStepsBack_StillGivesLaterIds()
    {
        var first = SortableIds.New(new FakeTimeProvider(new DateTimeOffset(2031, 1, 1, 0, 0, 5, TimeSpan.Zero)));

        var second = SortableIds.New(new FakeTimeProvider(new DateTimeOffset(2031, 1, 1, 0, 0, 0, TimeSpan.Zero)));

        Assert.True(string.CompareOrdinal(first, second) < 0);
    }
}
