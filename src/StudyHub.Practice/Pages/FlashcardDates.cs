using System.Globalization;
using StudyHub.Practice.Features;
using StudyHub.Practice.Leaderboards;

namespace StudyHub.Practice.Pages;

/// <summary>How the flashcard pages say when cards come back: in days, months and years as Anki labels its buttons, and in the student's own calendar.</summary>
internal static class FlashcardDates
{
    /// <summary>"1 day", "12 days", "1.5 months", "2.1 years": Anki's rounding (one decimal past a month).</summary>
    public static string Interval(int days) => days switch
    {
        < 1 => "today",
        1 => "1 day",
        < 30 => $"{days} days",
        < 365 => Plural(days / 30.0, "month"),
        _ => Plural(days / 365.0, "year"),
    };

    /// <summary>When the next card falls due, as a sentence in the student's time zone.</summary>
    public static string NextDue(DueFlashcardsView due)
    {
        if (due.NextDueAt is not { } next)
        {
            return "No other cards are scheduled; make another deck to keep going.";
        }

        var zone = LeaderboardPeriods.ZoneOf(due.TimeZone);
        var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(next, DateTimeKind.Utc), zone));
        var days = day.DayNumber - due.Day.DayNumber;
        return days switch
        {
            <= 1 => "The next card is due tomorrow.",
            < 7 => $"The next card is due on {day.ToString("dddd", CultureInfo.InvariantCulture)} (in {days} days).",
            _ => $"The next card is due on {day.ToString("dddd d MMMM yyyy", CultureInfo.InvariantCulture)}.",
        };
    }

    private static string Plural(double value, string unit)
    {
        var rounded = System.Math.Round(value, 1);
        return rounded.ToString("0.#", CultureInfo.InvariantCulture) + " " + (rounded == 1 ? unit : unit + "s");
    }
}
