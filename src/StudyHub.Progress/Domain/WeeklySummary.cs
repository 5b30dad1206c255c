namespace StudyHub.Progress.Domain;

/// <summary>A weekly progress summary mailed to a parent: one per parent and week, so retries and restarts never send it twice.</summary>
internal sealed class WeeklySummarySent
{
    public Guid ParentId { get; set; }

    /// <summary>The Sunday (parent's calendar) whose evening the summary was due.</summary>
    public DateOnly WeekEnding { get; set; }

    public DateTime SentAt { get; set; }

    public int Children { get; set; }
}

/// <summary>When a parent's weekly summary is due: Sunday at 18:00 on their own clock.</summary>
internal static class WeeklySummarySchedule
{
    public static readonly TimeSpan LocalTime = TimeSpan.FromHours(18);

    /// <summary>The latest Sunday 18:00 (in <paramref name="zone"/>) at or before <paramref name="nowUtc"/>, as its date and UTC instant.</summary>
    public static (DateOnly Sunday, DateTime DueUtc) LatestDue(DateTime nowUtc, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTimeFromUtc(nowUtc, zone);
        var sunday = local.Date.AddDays(-(int)local.DayOfWeek);
        if (sunday + LocalTime > local)
        {
            sunday = sunday.AddDays(-7);
        }

        var dueLocal = DateTime.SpecifyKind(sunday + LocalTime, DateTimeKind.Unspecified);
        // 18:00 is never inside a daylight-saving gap in practice; if a zone had one, take the hour after.
        if (zone.IsInvalidTime(dueLocal))
        {
            dueLocal = dueLocal.AddHours(1);
        }

        return (DateOnly.FromDateTime(sunday), TimeZoneInfo.ConvertTimeToUtc(dueLocal, zone));
    }
}
