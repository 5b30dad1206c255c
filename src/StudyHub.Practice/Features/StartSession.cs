using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using StudyHub.Kernel.Errors;
using StudyHub.Kernel.Users;
using StudyHub.Practice.Data;
using StudyHub.Practice.Domain;

namespace StudyHub.Practice.Features;

public sealed record StartSessionRequest(Guid GameId);

public sealed record SessionView(Guid Id, Guid GameId, string State, int Score, int AnswerStreak, int QuestionCount, int QuestionsEnded, DateTime CreatedAt);

/// <summary>Starts playing a game: the student's own game or one a teacher of theirs made; at most N per day.</summary>
internal sealed class StartSession(PracticeDbContext db, IPeopleDirectory people, ICurrentUser currentUser, IOptions<PracticeOptions> options, TimeProvider clock)
{
    public async Task<SessionView> HandleAsync(StartSessionRequest request, CancellationToken cancellationToken)
    {
        var studentId = currentUser.RequireRole(Role.Student);
        var game = await db.Games.AsNoTracking().FirstOrDefaultAsync(g => g.Id == request.GameId, cancellationToken);
        if (game is null || (game.OwnerId != studentId && !await people.IsTeacherOfAsync(game.OwnerId, studentId, cancellationToken)))
        {
            throw new NotFoundException("game");
        }

        var now = clock.GetUtcNow();
        var (_, dayStart, nextDay) = StudentDay(await people.FindStudentAsync(studentId, cancellationToken), now);
        var startedToday = await db.Sessions.CountAsync(s => s.StudentId == studentId && s.CreatedAt >= dayStart, cancellationToken);
        if (startedToday >= options.Value.QuizzesPerDay)
        {
            throw new TooManyAttemptsException("quiz_limit", $"You have played {options.Value.QuizzesPerDay} games today; come back tomorrow.", nextDay - now.UtcDateTime);
        }

        // Extended time: the largest multiplier a teacher set in any class the student is in now.
        var classes = (await people.ClassroomsOfStudentAsync(studentId, cancellationToken)).Select(c => c.Id).ToList();
        var extended = classes.Count == 0 ? null : await db.ExtendedTimes.AsNoTracking()
            .Where(e => e.StudentId == studentId && classes.Contains(e.ClassroomId))
            .MaxAsync(e => (int?)e.Percent, cancellationToken);

        var session = new GameSession
        {
            Id = Guid.CreateVersion7(),
            GameId = game.Id,
            StudentId = studentId,
            State = SessionState.Created,
            CreatedAt = now.UtcDateTime,
            LastActivityAt = now.UtcDateTime,
            ExtendedTimePercent = extended ?? ExtendedTime.None,
        };
        db.Sessions.Add(session);
        db.LearningEvents.Add(new LearningEvent
        {
            Id = Guid.CreateVersion7(), StudentId = studentId, Kind = LearningEventKind.SessionStarted, SessionId = session.Id,
            SkillId = game.SkillId, OccurredAt = now.UtcDateTime,
        });
        await db.SaveChangesAsync(cancellationToken);
        var questionCount = await db.Questions.CountAsync(q => q.GameId == game.Id && q.HiddenAt == null, cancellationToken);
        return ToView(session, questionCount, 0);
    }

    public static SessionView ToView(GameSession session, int questionCount, int questionsEnded) =>
        new(session.Id, session.GameId, StateName(session.State), session.Score, session.AnswerStreak, questionCount, questionsEnded, session.CreatedAt);

    public static string StateName(SessionState state) => state switch
    {
        SessionState.Created => "created",
        SessionState.InProgress => "inProgress",
        SessionState.Completed => "completed",
        _ => "abandoned",
    };

    /// <summary>The student's current date in their time zone, and that day as UTC instants [start, next start).</summary>
    public static (DateOnly Today, DateTime Start, DateTime NextStart) StudentDay(StudentSummary? student, DateTimeOffset now)
    {
        var zone = TimeZoneInfo.Utc;
        if (student is not null && TimeZoneInfo.TryFindSystemTimeZoneById(student.TimeZone, out var found))
        {
            zone = found;
        }

        var local = TimeZoneInfo.ConvertTime(now, zone);
        var midnight = new DateTime(local.Year, local.Month, local.Day, 0, 0, 0, DateTimeKind.Unspecified);
        var start = TimeZoneInfo.ConvertTimeToUtc(midnight, zone);
        var next = TimeZoneInfo.ConvertTimeToUtc(midnight.AddDays(1), zone);
        return (DateOnly.FromDateTime(midnight), start, next);
    }

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/game-sessions", async Task<Created<SessionView>> (StartSessionRequest request, StartSession handler, CancellationToken ct) =>
            {
                var session = await handler.HandleAsync(request, ct);
                return TypedResults.Created($"/api/v1/game-sessions/{session.Id}", session);
            })
            .RequireAuthorization()
            .WithName("StartGameSession")
            .WithSummary("Starts a game session for the signed-in student (limited per day).")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
}
