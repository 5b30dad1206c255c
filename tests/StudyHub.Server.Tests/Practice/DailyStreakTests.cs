using StudyHub.Practice.Domain;

namespace StudyHub.Server.Tests.Practice;

public sealed class DailyStreakTests
{
    private static readonly DateOnly Monday = new(2026, 11, 23);

    [Fact]
    public void Consecutive_days_grow_the_streak_and_the_same_day_counts_once()
    {
        var record = new PlayerRecord();
        record.RecordPlayedOn(Monday);
        record.RecordPlayedOn(Monday);
        record.RecordPlayedOn(Monday.AddDays(1));
        Assert.Equal(2, record.StreakDays);
    }

    [Fact]
    public void A_missed_day_without_a_freeze_starts_over()
    {
        var record = new PlayerRecord();
        record.RecordPlayedOn(Monday);
        record.RecordPlayedOn(Monday.AddDays(1));
        record.RecordPlayedOn(Monday.AddDays(3));
        Assert.Equal(1, record.StreakDays);
        Assert.Equal(2, record.LongestStreakDays);
    }

    [Fact]
    public void Every_seventh_day_earns_a_freeze_that_covers_one_missed_day()
    {
        var record = new PlayerRecord();
        for (var day = 0; day < 7; day++)
        {
            record.RecordPlayedOn(Monday.AddDays(day));
        }

        Assert.Equal(1, record.FreezesAvailable);
        record.RecordPlayedOn(Monday.AddDays(8)); // day 7 missed: the freeze covers it
        Assert.Equal(8, record.StreakDays);
        Assert.Equal(0, record.FreezesAvailable);
        record.RecordPlayedOn(Monday.AddDays(10)); // no freeze left
        Assert.Equal(1, record.StreakDays);
    }

    [Fact]
    public void At_most_two_freezes_are_banked()
    {
        var record = new PlayerRecord();
        for (var day = 0; day < 28; day++)
        {
            record.RecordPlayedOn(Monday.AddDays(day));
        }

        Assert.Equal(PlayerRecord.MaxFreezes, record.FreezesAvailable);
    }
}
