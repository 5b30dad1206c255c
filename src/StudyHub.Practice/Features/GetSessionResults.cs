using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using StudyHub.Kernel.Users;
using StudyHub.Practice.Data;
using StudyHub.Practice.Domain;

namespace StudyHub.Practice.Features;

/// <param name="Points">Null while the question has not ended.</param>
/// <param name="PointsVoided">The question was reported: its points are off the score until a teacher finds it fine (or for good once fixed or hidden).</param>
public sealed record QuestionOutcome(Guid QuestionId, int Position, string Prompt, bool Ended, bool AnsweredRight, int Attempts, int HintsUsed, int? Points, bool PointsVoided = false);

/// <param name="AccuracyPercent">Questions answered fully right, in percent of the game's questions.</param>
/// <param name="BestAnswerStreak">The longest run of questions answered right in this session.</param>
/// <param name="DayStreak">Days in a row with a completed game (the student's daily streak), after this session.</param>
/// <param name="BadgesEarned">Badges this session earned (awarded when it completed).</param>
public sealed record SessionResults(
    Guid Id,
    Guid GameId,
    string Title,
    Guid? HomeworkId,
    string? SkillId,
    string State,
    int Score,
    int QuestionCount,
    int QuestionsEnded,
    int QuestionsRight,
    int AccuracyPercent,
    int AnswerStreak,
    int BestAnswerStreak,
    int DayStreak,
    IReadOnlyList<QuestionOutcome> Questions,
    IReadOnlyList<BadgeView> BadgesEarned,
    DateTime CreatedAt,
    DateTime? EndedAt);

/// <summary>A session's standing or final results: score, accuracy, streaks, badges, and how each question went. The student's own only.</summary>
internal sealed class GetSessionResults(PracticeDbContext db, ICurrentUser currentUser)
{
    public async Task<SessionResults> HandleAsync(Guid sessionId, CancellationToken cancellationToken)
    {
        var session = await SessionAccess.OwnSessionAsync(db, currentUser, sessionId, cancellationToken);
        var game = await db.Games.AsNoTracking().FirstAsync(g => g.Id == session.GameId, cancellationToken);
        var deliveries = await db.Deliveries.AsNoTracking().Where(d => d.SessionId == session.Id).ToDictionaryAsync(d => d.QuestionId, cancellationToken);
        var voided = await db.VoidedPoints.AsNoTracking().Where(v => v.SessionId == session.Id).Select(v => v.QuestionId).ToListAsync(cancellationToken);

        // A question a teacher hid is left out unless this session already played it to the end.
        var questions = (await db.Questions.AsNoTracking().Where(q => q.GameId == game.Id).OrderBy(q => q.Position)
                .Select(q => new { q.Id, q.Position, q.Prompt, q.HiddenAt }).ToListAsync(cancellationToken))
            .Where(q => q.HiddenAt is null || (deliveries.TryGetValue(q.Id, out var d) && d.EndedAt is not null))
            .ToList();
        var outcomes = questions.ConvertAll(q => deliveries.TryGetValue(q.Id, out var d)
            ? new QuestionOutcome(q.Id, q.Position, q.Prompt, d.EndedAt is not null, d.AnsweredRight, d.Attempts, d.HintsUsed, d.EndedAt is null ? null : d.Points, voided.Contains(q.Id))
            : new QuestionOutcome(q.Id, q.Position, q.Prompt, false, false, 0, 0, null));
        int best = 0, run = 0;
        foreach (var outcome in outcomes.Where(o => o.Ended))
        {
            run = outcome.AnsweredRight ? run + 1 : 0;
            best = System.Math.Max(best, run);
        }

        // Badges are awarded in the save that completes the session, stamped with its end.
        IReadOnlyList<BadgeView> badges = [];
        if (session.EndedAt is { } ended && session.State == SessionState.Completed)
        {
            var ids = await db.BadgeAwards.AsNoTracking().Where(b => b.StudentId == session.StudentId && b.AwardedAt == ended).Select(b => b.BadgeId).ToListAsync(cancellationToken);
            badges = [.. Badges.Catalogue.Where(b => ids.Contains(b.Id)).Select(b => new BadgeView(b.Id, b.Name, b.Description))];
        }

        var dayStreak = await db.Players.AsNoTracking().Where(p => p.StudentId == session.StudentId).Select(p => p.StreakDays).FirstOrDefaultAsync(cancellationToken);
        var accuracy = questions.Count == 0 ? 0 : (int)System.Math.Round(100.0 * session.QuestionsRight / questions.Count);
        return new SessionResults(
            session.Id, game.Id, game.Title, game.HomeworkId, game.SkillId, StartSession.StateName(session.State), session.Score,
            questions.Count, outcomes.Count(o => o.Ended), session.QuestionsRight, accuracy, session.AnswerStreak, best, dayStreak,
            outcomes, badges, session.CreatedAt, session.EndedAt);
    }

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/game-sessions/{id:guid}", async Task<Ok<SessionResults>> (Guid id, GetSessionResults handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(id, ct)))
            .RequireAuthorization()
            .WithName("GetGameSession")
            .WithSummary("A game session's score, accuracy, streaks, badges earned and each question's outcome (never an answer key).")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
}
