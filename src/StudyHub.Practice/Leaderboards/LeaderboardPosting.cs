using StudyHub.Kernel.Users;

namespace StudyHub.Practice.Leaderboards;

/// <summary>Where points go is a game (timed session) or practice (flashcards, untimed practice): the seed's update rule.</summary>
internal enum ScoreKind
{
    Game,
    Practice,
}

/// <summary>
/// Posts earned points to the boards they belong on: the global boards (periods in UTC) and each of
/// the student's classroom boards (periods in the class's time zone); games reach all four periods,
/// practice the daily board only. Under-13s awaiting parental consent are on no board.
/// </summary>
internal sealed class LeaderboardPosting(ILeaderboard leaderboard, IPeopleDirectory people)
{
    public async Task PostAsync(Guid studentId, ScoreKind kind, int points, DateTime at, CancellationToken cancellationToken)
    {
        if (points <= 0)
        {
            return;
        }

        await leaderboard.AddAsync(studentId, await BoardsOfAsync(studentId, kind, at, cancellationToken), points, at, cancellationToken);
    }

    /// <summary>Changes the total on the boards points earned at <paramref name="at"/> were posted to (voided points leaving or coming back).</summary>
    public async Task AdjustAsync(Guid studentId, ScoreKind kind, int delta, DateTime at, CancellationToken cancellationToken)
    {
        if (delta != 0)
        {
            await leaderboard.AdjustAsync(studentId, await BoardsOfAsync(studentId, kind, at, cancellationToken), delta, at, cancellationToken);
        }
    }

    private async Task<List<BoardRef>> BoardsOfAsync(Guid studentId, ScoreKind kind, DateTime at, CancellationToken cancellationToken)
    {
        var boards = new List<BoardRef>();
        var student = await people.FindStudentAsync(studentId, cancellationToken);
        if (student is null || student.AwaitingConsent)
        {
            return boards;
        }

        var periods = kind == ScoreKind.Game ? LeaderboardPeriods.All : [LeaderboardPeriod.Daily];
        var instant = new DateTimeOffset(DateTime.SpecifyKind(at, DateTimeKind.Utc));
        foreach (var period in periods)
        {
            boards.Add(new BoardRef(LeaderboardPeriods.WindowOf(period, instant, TimeZoneInfo.Utc).Key, BoardRef.GlobalScope));
        }

        foreach (var classroom in await people.ClassroomsOfStudentAsync(studentId, cancellationToken))
        {
            var zone = LeaderboardPeriods.ZoneOf(classroom.TimeZone);
            foreach (var period in periods)
            {
                boards.Add(new BoardRef(LeaderboardPeriods.WindowOf(period, instant, zone).Key, classroom.Id));
            }
        }

        return boards;
    }
}
