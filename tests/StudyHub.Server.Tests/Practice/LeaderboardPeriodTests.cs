using StudyHub.Practice.Leaderboards;

namespace StudyHub.Server.Tests.Practice;

/// <summary>Which period instance an instant belongs to, as UTC and as a classroom's time zone see it.</summary>
public sealed class LeaderboardPeriodTests
{
    private static readonly TimeZoneInfo LosAngeles = TimeZoneInfo.FindSystemTimeZoneById("America/Los_Angeles");
    private static readonly TimeZoneInfo Tokyo = TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo");

    private static string Key(LeaderboardPeriod period, string instant, TimeZoneInfo zone) =>
        LeaderboardPeriods.WindowOf(period, DateTimeOffset.Parse(instant, System.Globalization.CultureInfo.InvariantCulture), zone).Key;

    [Theory]
    [InlineData("2026-11-29T23:59:59Z", "w2026-11-23")] // Sunday night still belongs to the week that began on Monday the 23rd
    [InlineData("2026-11-30T00:00:00Z", "w2026-11-30")] // Monday 00:00 starts a new week
    [InlineData("2026-11-23T00:00:00Z", "w2026-11-23")]
    [InlineData("2027-01-01T12:00:00Z", "w2026-12-28")] // a week spanning the new year keeps its Monday
    public void Weeks_start_on_Monday(string instant, string expected) =>
        Assert.Equal(expected, Key(LeaderboardPeriod.Weekly, instant, TimeZoneInfo.Utc));

    [Fact]
    public void Days_and_months_change_at_local_midnight_and_on_the_first()
    {
        Assert.Equal("d2026-11-30", Key(LeaderboardPeriod.Daily, "2026-11-30T23:59:59Z", TimeZoneInfo.Utc));
        Assert.Equal("d2026-12-01", Key(LeaderboardPeriod.Daily, "2026-12-01T00:00:00Z", TimeZoneInfo.Utc));
        Assert.Equal("m2026-11", Key(LeaderboardPeriod.Monthly, "2026-11-30T23:59:59Z", TimeZoneInfo.Utc));
        Assert.Equal("m2026-12", Key(LeaderboardPeriod.Monthly, "2026-12-01T00:00:00Z", TimeZoneInfo.Utc));
        Assert.Equal("all", Key(LeaderboardPeriod.AllTime, "2026-12-01T00:00:00Z", TimeZoneInfo.Utc));
    }

    [Fact]
    public void A_class_behind_UTC_is_still_in_yesterday_last_week_and_last_month()
    {
        // 05:00 UTC on Tuesday 1 December is 21:00 on Monday 30 November in Los Angeles (PST, UTC−8).
        const string instant = "2026-12-01T05:00:00Z";
        Assert.Equal("d2026-11-30", Key(LeaderboardPeriod.Daily, instant, LosAngeles));
        Assert.Equal("m2026-11", Key(LeaderboardPeriod.Monthly, instant, LosAngeles));
        Assert.Equal("m2026-12", Key(LeaderboardPeriod.Monthly, instant, TimeZoneInfo.Utc));
    }

    [Fact]
    public void A_class_ahead_of_UTC_starts_its_week_first()
    {
        // 16:00 UTC on Sunday 29 November is 01:00 on Monday 30 November in Tokyo (UTC+9).
        const string instant = "2026-11-29T16:00:00Z";
        Assert.Equal("w2026-11-30", Key(LeaderboardPeriod.Weekly, instant, Tokyo));
        Assert.Equal("w2026-11-23", Key(LeaderboardPeriod.Weekly, instant, TimeZoneInfo.Utc));
    }

    [Fact]
    public void A_window_reports_its_bounds_as_UTC_instants_across_daylight_saving()
    {
        // Los Angeles leaves daylight saving on 1 November 2026: that day lasts 25 hours.
        var day = LeaderboardPeriods.WindowOf(LeaderboardPeriod.Daily, DateTimeOffset.Parse("2026-11-01T12:00:00Z", System.Globalization.CultureInfo.InvariantCulture), LosAngeles);
        Assert.Equal(new DateTime(2026, 11, 1, 7, 0, 0, DateTimeKind.Utc), day.StartsAt);
        Assert.Equal(new DateTime(2026, 11, 2, 8, 0, 0, DateTimeKind.Utc), day.EndsAt);

        var month = LeaderboardPeriods.WindowOf(LeaderboardPeriod.Monthly, DateTimeOffset.Parse("2026-11-15T12:00:00Z", System.Globalization.CultureInfo.InvariantCulture), LosAngeles);
        Assert.Equal(new DateTime(2026, 11, 1, 7, 0, 0, DateTimeKind.Utc), month.StartsAt);
        Assert.Equal(new DateTime(2026, 12, 1, 8, 0, 0, DateTimeKind.Utc), month.EndsAt);
    }

    [Fact]
    public void A_pseudonym_is_stable_and_differs_between_students()
    {
        var ada = Guid.NewGuid();
        Assert.Equal(Pseudonyms.For(ada), Pseudonyms.For(ada));
        var names = Enumerable.Range(0, 200).Select(_ => Pseudonyms.For(Guid.NewGuid())).ToHashSet();
        Assert.True(names.Count > 195, "pseudonyms should rarely collide");
        Assert.Matches(@"^[A-Z][a-z]+ [A-Z][a-z]+ \d{3}$", Pseudonyms.For(ada));
    }
}
