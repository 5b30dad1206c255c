using StudyHub.Progress.Features;

namespace StudyHub.Progress.Tests;

public class PracticeCalendarTests
{
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    [Fact]
    public void Days_run_from_the_first_monday_to_today_with_empty_days_kept()
    {
        // Wednesday 25 November 2026; two weeks shown start on Monday 16 November.
        var calendar = PracticeCalendar.From([], Berlin, new DateOnly(2026, 11, 16), new DateOnly(2026, 11, 25));

        Assert.Equal(10, calendar.Days.Count);
        Assert.All(calendar.Days, d => Assert.Equal(0, d.Answered));
        Assert.Equal([new WeeklyPractice(new DateOnly(2026, 11, 16), 0, null, null), new WeeklyPractice(new DateOnly(2026, 11, 23), 0, null, null)], calendar.Weeks);
    }

    [Fact]
    public void An_answer_late_in_the_evening_counts_on_the_students_own_day()
    {
        // 23:30 UTC on Sunday 22 November is 00:30 on Monday 23 November in Berlin: the second week.
        var questions = new[]
        {
            new PracticedQuestion(new DateTime(2026, 11, 22, 23, 30, 0, DateTimeKind.Utc), true, 10_000),
            new PracticedQuestion(new DateTime(2026, 11, 22, 12, 0, 0, DateTimeKind.Utc), false, 30_000),
            new PracticedQuestion(new DateTime(2026, 11, 24, 9, 0, 0, DateTimeKind.Utc), false, 20_000),
            new PracticedQuestion(new DateTime(2026, 11, 24, 9, 5, 0, DateTimeKind.Utc), true, 40_000),
            new PracticedQuestion(new DateTime(2026, 11, 2, 9, 0, 0, DateTimeKind.Utc), true, 5_000), // before the calendar
        };

        var calendar = PracticeCalendar.From(questions, Berlin, new DateOnly(2026, 11, 16), new DateOnly(2026, 11, 25));

        Assert.Equal(1, calendar.Days.Single(d => d.Date == new DateOnly(2026, 11, 22)).Answered);
        Assert.Equal(1, calendar.Days.Single(d => d.Date == new DateOnly(2026, 11, 23)).Answered);
        Assert.Equal(2, calendar.Days.Single(d => d.Date == new DateOnly(2026, 11, 24)).Answered);
        Assert.Equal(new WeeklyPractice(new DateOnly(2026, 11, 16), 1, 0.0, 30.0), calendar.Weeks[0]);
        // Three answers, two right; times 10, 20, 40 s: the median is 20.
        Assert.Equal(new WeeklyPractice(new DateOnly(2026, 11, 23), 3, 0.6667, 20.0), calendar.Weeks[1]);
    }

    [Theory]
    [InlineData("2026-11-23", "2026-11-23")]
    [InlineData("2026-11-29", "2026-11-23")]
    [InlineData("2026-11-25", "2026-11-23")]
    public void Weeks_start_on_monday(string day, string monday) =>
        Assert.Equal(DateOnly.Parse(monday, System.Globalization.CultureInfo.InvariantCulture), PracticeCalendar.WeekStart(DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture)));
}
