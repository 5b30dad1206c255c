using System.Globalization;

namespace StudyHub.Practice.Leaderboards;

/// <summary>The seed's four boards: daily (resets 00:00), weekly (Monday), monthly (the 1st), all-time.</summary>
internal enum LeaderboardPeriod
{
    Daily,
    Weekly,
    Monthly,
    AllTime,
}

/// <summary>One board: a period instance ("d2026-11-24") in a scope (a classroom, or <see cref="Guid.Empty"/> for the global board).</summary>
internal readonly record struct BoardRef(string PeriodKey, Guid ScopeId)
{
    public static readonly Guid GlobalScope = Guid.Empty;
}

/// <summary>A period instance as a time zone sees it: its stored key and its bounds as UTC instants (no end for all-time).</summary>
internal readonly record struct PeriodWindow(LeaderboardPeriod Period, string Key, DateTime StartsAt, DateTime? EndsAt);

/// <summary>
/// Which period instance an instant falls in, in a given time zone. Class boards use the class's
/// zone and global boards UTC, so one game can land on Sunday's class week and Monday's global week.
/// </summary>
internal static class LeaderboardPeriods
{
    public const int MaxKeyLength = 16;

    public static readonly IReadOnlyList<LeaderboardPeriod> All = [LeaderboardPeriod.Daily, LeaderboardPeriod.Weekly, LeaderboardPeriod.Monthly, LeaderboardPeriod.AllTime];

    public static string NameOf(LeaderboardPeriod period) => period switch
    {
        LeaderboardPeriod.Daily => "daily",
        LeaderboardPeriod.Weekly => "weekly",
        LeaderboardPeriod.Monthly => "monthly",
        _ => "all-time",
    };

    public static LeaderboardPeriod? Parse(string? name) => name?.ToLowerInvariant() switch
    {
        "daily" => LeaderboardPeriod.Daily,
        "weekly" => LeaderboardPeriod.Weekly,
        "monthly" => LeaderboardPeriod.Monthly,
        "all-time" or "alltime" => LeaderboardPeriod.AllTime,
        _ => null,
    };

    /// <summary>The zone of a classroom (or a student), UTC when the id is unknown to this machine.</summary>
    public static TimeZoneInfo ZoneOf(string? timeZoneId) =>
        timeZoneId is not null && TimeZoneInfo.TryFindSystemTimeZoneById(timeZoneId, out var zone) ? zone : TimeZoneInfo.Utc;

    public static PeriodWindow WindowOf(LeaderboardPeriod period, DateTimeOffset now, TimeZoneInfo zone)
    {
        if (period == LeaderboardPeriod.AllTime)
        {
            return new PeriodWindow(period, "all", DateTime.MinValue, null);
        }

        var local = TimeZoneInfo.ConvertTime(now, zone);
        var today = new DateTime(local.Year, local.Month, local.Day, 0, 0, 0, DateTimeKind.Unspecified);
        var (start, end, key) = period switch
        {
            LeaderboardPeriod.Daily => (today, today.AddDays(1), "d" + Day(today)),
            // ISO weeks start on Monday: DayOfWeek counts from Sunday = 0.
            LeaderboardPeriod.Weekly => WeekOf(today),
            _ => (new DateTime(today.Year, today.Month, 1), new DateTime(today.Year, today.Month, 1).AddMonths(1),
                "m" + today.ToString("yyyy-MM", CultureInfo.InvariantCulture)),
        };
        return new PeriodWindow(period, key, ToUtc(start, zone), ToUtc(end, zone));
    }

    private static (DateTime Start, DateTime End, string Key) WeekOf(DateTime today)
    {
        var monday = today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
        return (monday, monday.AddDays(7), "w" + Day(monday));
    }

    private static string Day(DateTime date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    // A local midnight skipped by a daylight-saving jump (some zones change at 00:00) starts at the first valid instant after it.
    private static DateTime ToUtc(DateTime local, TimeZoneInfo zone)
    {
        while (zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(30);
        }

        return TimeZoneInfo.ConvertTimeToUtc(local, zone);
    }
}
