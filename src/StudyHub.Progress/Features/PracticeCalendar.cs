namespace StudyHub.Progress.Features;

/// <summary>A question as the activity calendar counts it: when it was first answered, whether right, how long it took.</summary>
internal sealed record PracticedQuestion(DateTime FirstAnsweredAt, bool Correct, long TimeTakenMs);

/// <summary>
/// Practice laid out on the student's calendar: one entry per day from the first Monday shown to
/// today (empty days included, so a calendar grid needs no gaps filled), and one per week with its
/// accuracy and median time per question.
/// </summary>
internal sealed record PracticeCalendar(IReadOnlyList<ActivityDay> Days, IReadOnlyList<WeeklyPractice> Weeks)
{
    public static DateOnly WeekStart(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));

    public static PracticeCalendar From(IEnumerable<PracticedQuestion> questions, TimeZoneInfo zone, DateOnly firstWeek, DateOnly today)
    {
        var byDay = questions
            .Select(q => (Day: DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(q.FirstAnsweredAt, DateTimeKind.Utc), zone)), Question: q))
            .Where(q => q.Day >= firstWeek && q.Day <= today)
            .ToLookup(q => q.Day, q => q.Question);

        var days = new List<ActivityDay>();
        for (var day = firstWeek; day <= today; day = day.AddDays(1))
        {
            days.Add(new ActivityDay(day, byDay[day].Count()));
        }

        var weeks = new List<WeeklyPractice>();
        for (var week = firstWeek; week <= today; week = week.AddDays(7))
        {
            var start = week;
            var answered = byDay.Where(g => g.Key >= start && g.Key < start.AddDays(7)).SelectMany(g => g).ToList();
            weeks.Add(answered.Count == 0
                ? new WeeklyPractice(week, 0, null, null)
                : new WeeklyPractice(week, answered.Count, Math.Round((double)answered.Count(q => q.Correct) / answered.Count, 4), Math.Round(Median(answered.Select(q => q.TimeTakenMs / 1000.0)), 1)));
        }

        return new PracticeCalendar(days, weeks);
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        var middle = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
