using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using StudyHub.Kernel.Users;
using StudyHub.Practice.Data;
using StudyHub.Practice.Domain;
using StudyHub.Practice.Generation;

namespace StudyHub.Practice.Features;

/// <summary>The question being played, with its clock. <see cref="Question"/> is null once every question has ended.</summary>
/// <param name="ExtendedTimePercent">The student's extended-time multiplier in percent (100 = none), already applied to <paramref name="TimeLimitSeconds"/>.</param>
public sealed record NextQuestion(
    Guid SessionId,
    string State,
    QuestionView? Question,
    DateTime? FirstDeliveredAt,
    int? TimeLimitSeconds,
    int AttemptsLeft,
    IReadOnlyList<string> HintsRevealed,
    int Score,
    int AnswerStreak,
    int ExtendedTimePercent = 100);

/// <summary>
/// Serves the first question that has not ended. Its first delivery is recorded once: fetching it
/// again returns the same start time, so the time bonus cannot be reset by reloading. Questions a
/// teacher hid are skipped, also by sessions already in progress.
/// </summary>
internal sealed class GetNextQuestion(PracticeDbContext db, ICurrentUser currentUser, TimeProvider clock)
{
    public async Task<NextQuestion> HandleAsync(Guid sessionId, CancellationToken cancellationToken)
    {
        var session = await SessionAccess.OwnSessionAsync(db, currentUser, sessionId, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        if (session.State == SessionState.Completed)
        {
            return new NextQuestion(session.Id, StartSession.StateName(session.State), null, null, null, 0, [], session.Score, session.AnswerStreak);
        }

        await SessionAccess.EnsurePlayableAsync(db, session, now, cancellationToken);
        var questions = await db.Questions.AsNoTracking().Where(q => q.GameId == session.GameId && q.HiddenAt == null).OrderBy(q => q.Position).ToListAsync(cancellationToken);
        var deliveries = await db.Deliveries.Where(d => d.SessionId == session.Id).ToDictionaryAsync(d => d.QuestionId, cancellationToken);
        var question = questions.FirstOrDefault(q => !deliveries.TryGetValue(q.Id, out var d) || d.EndedAt is null);
        if (question is null)
        {
            return new NextQuestion(session.Id, StartSession.StateName(session.State), null, null, null, 0, [], session.Score, session.AnswerStreak);
        }

        if (!deliveries.TryGetValue(question.Id, out var delivery))
        {
            delivery = new QuestionDelivery { SessionId = session.Id, QuestionId = question.Id, FirstDeliveredAt = now };
            db.Deliveries.Add(delivery);
            db.LearningEvents.Add(new LearningEvent
            {
                Id = Guid.CreateVersion7(), StudentId = session.StudentId, Kind = LearningEventKind.QuestionDelivered, SessionId = session.Id,
                QuestionId = question.Id, SkillId = question.SkillId, TimeLimitMs = (int)TimeLimitOf(question, session).TotalMilliseconds, OccurredAt = now,
            });
            session.State = SessionState.InProgress;
            session.LastActivityAt = now;
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                // A concurrent fetch recorded the first delivery; serve theirs (the earlier clock).
                db.ChangeTracker.Clear();
                delivery = await db.Deliveries.AsNoTracking().FirstAsync(d => d.SessionId == session.Id && d.QuestionId == question.Id, cancellationToken);
            }
        }

        var hints = PracticeJson.HintsOf(question).Take(delivery.HintsUsed).ToList();
        return new NextQuestion(
            session.Id, StartSession.StateName(SessionState.InProgress), GameViews.ToView(question), delivery.FirstDeliveredAt,
            (int)System.Math.Ceiling(TimeLimitOf(question, session).TotalSeconds), AttemptsAllowed(question) - delivery.Attempts, hints,
            session.Score, session.AnswerStreak, session.ExtendedTimePercent);
    }

    public static TimeSpan TimeLimitOf(GameQuestion question, GameSession session) =>
        Scoring.EffectiveTimeLimit(
            question.Type,
            question.TimeLimitSeconds is { } seconds ? TimeSpan.FromSeconds(seconds) : null,
            session.ExtendedTimePercent / 100m);

    /// <summary>
    /// Match and order end with their first submission, and so does a two-option question (true or
    /// false): after one wrong pick a second attempt could only be right (docs/scoring.md). The
    /// rest allow three attempts.
    /// </summary>
    public static int AttemptsAllowed(GameQuestion question) =>
        question.Type is QuestionType.Match or QuestionType.Order
            || (question.Type == QuestionType.MultipleChoice && PracticeJson.OptionsOf(question).Count == 2)
            ? 1
            : Scoring.MaxAttempts;

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/game-sessions/{id:guid}/next", async Task<Ok<NextQuestion>> (Guid id, GetNextQuestion handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(id, ct)))
            .RequireAuthorization()
            .WithName("GetNextQuestion")
            .WithSummary("The question being played (never its answer); its clock starts at the first delivery.")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
}
