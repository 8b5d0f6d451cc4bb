using Waymark.Core.Safety;

namespace Waymark.Tests.Core.Safety;

public sealed class CrisisContactHoursTests
{
    private static readonly CrisisContact Calm = CrisisContacts.Get("calm");

    [Theory]
    // Winter: UK time is UTC.
    [InlineData("2026-11-29T16:59:00Z", false)]
    [InlineData("2026-11-29T17:00:00Z", true)]
    [InlineData("2026-11-29T23:59:00Z", true)]
    [InlineData("2026-11-30T00:00:00Z", false)]
    [InlineData("2026-11-29T09:00:00Z", false)]
    // Summer: UK time is UTC+1, so 16:00 UTC is 5pm in the UK and 23:30 UTC is half past midnight.
    [InlineData("2026-07-01T15:59:00Z", false)]
    [InlineData("2026-07-01T16:00:00Z", true)]
    [InlineData("2026-07-01T22:59:00Z", true)]
    [InlineData("2026-07-01T23:30:00Z", false)]
    public void Calm_is_open_from_5pm_to_midnight_uk_time(string utc, bool open)
    {
        Assert.Equal(open, Calm.IsOpenAt(DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void Twenty_four_hour_contacts_are_always_open()
    {
        var small = new DateTimeOffset(2026, 11, 29, 3, 30, 0, TimeSpan.Zero);
        Assert.True(CrisisContacts.Get("samaritans").IsOpenAt(small));
        Assert.True(CrisisContacts.Get("emergency").IsOpenAt(small));
    }
}
