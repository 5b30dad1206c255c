using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using StudyHub.Kernel.Errors;
using StudyHub.Kernel.Users;
using StudyHub.Practice.Leaderboards;

namespace StudyHub.Practice.Features;

/// <summary>One line of a board: a class board names the student, a global board shows their pseudonym.</summary>
public sealed record LeaderboardEntryView(int Rank, string Name, int Total, bool IsYou);

public sealed record LeaderboardStandingView(int Rank, string Name, int Total);

/// <param name="You">The caller's own rank and total, also when outside the top; null when they have no points on this board (or are not a student).</param>
public sealed record LeaderboardView(
    string Period,
    Guid? ClassroomId,
    string TimeZone,
    DateTime? StartsAt,
    DateTime? EndsAt,
    IReadOnlyList<LeaderboardEntryView> Entries,
    LeaderboardStandingView? You);

/// <summary>
/// A board's top 100 and the caller's own standing. A class board is for the class's students and
/// teacher (anyone else: 404, as if it did not exist); the global board for students, teachers and
/// administrators, except students still awaiting parental consent (403).
/// </summary>
internal sealed class GetLeaderboard(ILeaderboard leaderboard, IPeopleDirectory people, IConsentGate consent, ICurrentUser currentUser, TimeProvider clock)
{
    public const int TopCount = 100;

    public async Task<LeaderboardView> HandleAsync(string period, Guid? classroomId, CancellationToken cancellationToken)
    {
        var userId = currentUser.RequireRole(Role.Student, Role.Teacher, Role.Admin);
        var parsed = LeaderboardPeriods.Parse(period)
            ?? throw ValidationFailedException.For("period", "A board is daily, weekly, monthly or all-time.");
        var isStudent = currentUser.Role == Role.Student;

        ClassroomSummary? classroom = null;
        if (classroomId is { } id)
        {
            classroom = await people.FindClassroomAsync(id, cancellationToken);
            var member = classroom is not null && currentUser.Role switch
            {
                Role.Teacher => classroom.TeacherId == userId,
                Role.Student => await people.IsEnrolledAsync(id, userId, cancellationToken),
                Role.Admin => true,
                _ => false,
            };
            if (!member)
            {
                throw new NotFoundException("classroom");
            }
        }
        else if (isStudent)
        {
            await consent.EnsureMayUseRestrictedFeaturesAsync(cancellationToken);
        }

        var zone = LeaderboardPeriods.ZoneOf(classroom?.TimeZone);
        var window = LeaderboardPeriods.WindowOf(parsed, clock.GetUtcNow(), zone);
        var board = new BoardRef(window.Key, classroom?.Id ?? BoardRef.GlobalScope);

        // Class boards show display names; a student who left the class or awaits consent is not shown.
        Dictionary<Guid, string>? names = null;
        if (classroom is not null)
        {
            names = (await people.StudentsOfClassroomAsync(classroom.Id, cancellationToken))
                .Where(s => !s.AwaitingConsent)
                .ToDictionary(s => s.Id, s => s.DisplayName);
        }

        string? NameOf(Guid studentId) => names is null ? Pseudonyms.For(studentId) : names.GetValueOrDefault(studentId);

        var entries = new List<LeaderboardEntryView>();
        foreach (var standing in await leaderboard.TopAsync(board, TopCount, cancellationToken))
        {
            if (NameOf(standing.StudentId) is { } name)
            {
                entries.Add(new LeaderboardEntryView(standing.Rank, name, standing.Total, standing.StudentId == userId));
            }
        }

        LeaderboardStandingView? you = null;
        if (isStudent && await leaderboard.StandingOfAsync(board, userId, cancellationToken) is { } own && NameOf(userId) is { } ownName)
        {
            you = new LeaderboardStandingView(own.Rank, ownName, own.Total);
        }

        return new LeaderboardView(
            LeaderboardPeriods.NameOf(parsed), classroom?.Id, zone.Id,
            window.EndsAt is null ? null : window.StartsAt, window.EndsAt, entries, you);
    }

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/leaderboards/{period}", async Task<Ok<LeaderboardView>> (string period, Guid? classroomId, GetLeaderboard handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(period, classroomId, ct)))
            .RequireAuthorization()
            .WithName("GetLeaderboard")
            .WithSummary("A leaderboard (daily, weekly, monthly, all-time; global or ?classroomId=): the top 100 and the caller's own rank.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
}
