using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using StudyHub.Kernel.Errors;
using StudyHub.Kernel.Users;
using StudyHub.Practice.Data;
using StudyHub.Practice.Domain;
using StudyHub.Practice.Generation;

namespace StudyHub.Practice.Features;

public sealed record UseHintRequest(Guid QuestionId);

/// <param name="PointsPercent">What the question is now worth, in percent of its points (each level takes 25%).</param>
public sealed record HintView(Guid QuestionId, int Level, string Text, int PointsPercent, int LevelsLeft);

/// <summary>Climbs the current question's hint ladder one level; each level costs 25% of the question's points.</summary>
internal sealed class UseHint(PracticeDbContext db, ICurrentUser currentUser, TimeProvider clock)
{
    public async Task<HintView> HandleAsync(Guid sessionId, UseHintRequest request, CancellationToken cancellationToken)
    {
        var session = await SessionAccess.OwnSessionAsync(db, currentUser, sessionId, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        await SessionAccess.EnsurePlayableAsync(db, session, now, cancellationToken);
        var question = await db.Questions.AsNoTracking().FirstOrDefaultAsync(q => q.Id == request.QuestionId && q.GameId == session.GameId, cancellationToken)
            ?? throw new NotFoundException("question");
        var delivery = await db.Deliveries.FirstOrDefaultAsync(d => d.SessionId == session.Id && d.QuestionId == question.Id, cancellationToken);
        if (delivery is null || delivery.EndedAt is not null)
        {
            throw new ConflictException("question_not_in_play", "Hints are for the question being played.");
        }

        var ladder = PracticeJson.HintsOf(question);
        var levels = System.Math.Min(ladder.Count, Scoring.MaxHintLevels);
        if (delivery.HintsUsed >= levels)
        {
            throw new ConflictException("no_more_hints", "Every hint for this question has been shown.");
        }

        delivery.HintsUsed++;
        session.LastActivityAt = now;
        db.LearningEvents.Add(new LearningEvent
        {
            Id = Guid.CreateVersion7(), StudentId = session.StudentId, Kind = LearningEventKind.HintUsed, SessionId = session.Id,
            QuestionId = question.Id, SkillId = question.SkillId, HintsUsed = delivery.HintsUsed, Attempt = delivery.Attempts, OccurredAt = now,
        });
        await db.SaveChangesAsync(cancellationToken);
        var percent = (int)((1m - (Scoring.HintPenaltyPerLevel * delivery.HintsUsed)) * 100);
        return new HintView(question.Id, delivery.HintsUsed, ladder[delivery.HintsUsed - 1], percent, levels - delivery.HintsUsed);
    }

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/game-sessions/{id:guid}/hints", async Task<Ok<HintView>> (Guid id, UseHintRequest request, UseHint handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(id, request, ct)))
            .RequireAuthorization()
            .WithName("UseHint")
            .WithSummary("Shows the next level of the current question's hint ladder (each level costs 25% of its points).")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
}
