namespace StudyHub.Practice.Domain;

/// <summary>
/// A student's running practice record: the daily streak (days, in the student's time zone, with a
/// completed game session), its freezes, and lifetime points. Duolingo's rule: every 7th day of a
/// streak earns a freeze (at most <see cref="MaxFreezes"/> banked); a freeze covers one missed day.
/// </summary>
internal sealed class PlayerRecord
{
    public const int DaysPerFreeze = 7;
    public const int MaxFreezes = 2;

    public Guid StudentId { get; init; }

    public int StreakDays { get; set; }

    public int LongestStreakDays { get; set; }

    public DateOnly? LastPlayedOn { get; set; }

    public int FreezesAvailable { get; set; }

    public int TotalPoints { get; set; }

    public int GamesCompleted { get; set; }

    /// <summary>Counts a completed session on <paramref name="day"/> (the student's local date).</summary>
    public void RecordPlayedOn(DateOnly day)
    {
        if (LastPlayedOn is { } last)
        {
            var missed = day.DayNumber - last.DayNumber - 1;
            if (missed < 0)
            {
                return; // already counted today (or a clock went backwards)
            }

            if (missed > FreezesAvailable)
            {
                StreakDays = 0;
            }
            else
            {
                FreezesAvailable -= missed;
            }
        }

        StreakDays++;
        LastPlayedOn = day;
        LongestStreakDays = System.Math.Max(LongestStreakDays, StreakDays);
        if (StreakDays % DaysPerFreeze == 0)
        {
            FreezesAvailable = System.Math.Min(FreezesAvailable + 1, MaxFreezes);
        }
    }
}

/// <summary>A badge a student earned, once.</summary>
internal sealed class BadgeAward
{
    public Guid StudentId { get; init; }

    public string BadgeId { get; init; } = "";

    public DateTime AwardedAt { get; init; }
}

/// <summary>What a finished game tells the badge rules.</summary>
internal sealed record CompletedGame(int QuestionCount, int QuestionsRight, PlayerRecord Record);

/// <summary>A badge of the catalogue and the rule that earns it.</summary>
/// <param name="HeldWhile">
/// For a badge about lifetime points: the condition it is held on. Points voided by a report take
/// the badge back when it no longer holds, and points given back award it again (docs/practice.md).
/// Null for a badge about what happened (a game, a streak): once earned, kept.
/// </param>
internal sealed record Badge(string Id, string Name, string Description, Func<CompletedGame, bool> IsEarned, Func<PlayerRecord, bool>? HeldWhile = null);

/// <summary>The badge catalogue. "Skill mastered" joins once the progress module publishes mastery.</summary>
internal static class Badges
{
    public static readonly IReadOnlyList<Badge> Catalogue =
    [
        new("first-game", "First game", "Finished a first game.", g => g.Record.GamesCompleted >= 1),
        new("perfect-game", "Perfect game", "Every question of a game answered right.", g => g.QuestionCount > 0 && g.QuestionsRight == g.QuestionCount),
        new("streak-5", "5-day streak", "Played on 5 days in a row.", g => g.Record.StreakDays >= 5),
        new("streak-30", "30-day streak", "Played on 30 days in a row.", g => g.Record.StreakDays >= 30),
        new("points-1000", "1,000 points", "Earned 1,000 points in games.", g => g.Record.TotalPoints >= 1000, r => r.TotalPoints >= 1000),
    ];
}
