using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using StudyHub.Kernel.Errors;
using StudyHub.Kernel.Jobs;
using StudyHub.Kernel.Learning;
using StudyHub.Kernel.Users;
using StudyHub.Practice.Data;
using StudyHub.Practice.Domain;
using StudyHub.Practice.Leaderboards;

namespace StudyHub.Practice.Features;

/// <param name="Rating">again, hard, good or easy.</param>
public sealed record ReviewFlashcardRequest(string? Rating);

public sealed record FlashcardReviewResult(Guid CardId, string Rating, double Stability, double Difficulty, int IntervalDays, DateTime DueAt, int Points);

/// <summary>
/// Rates the student's recall of a card and schedules it with FSRS-6. Idempotent by the
/// <c>Idempotency-Key</c> header like answers; the review, the card's new state, the learning-event
/// entry, the <see cref="FlashcardReviewed"/> outbox event and the daily-board points commit together.
/// A card reviewed while due earns <see cref="PointsPerDueReview"/> practice points (daily board only);
/// reviewing ahead of time schedules it but earns nothing, so points cannot be farmed.
/// </summary>
internal sealed class ReviewFlashcard(PracticeDbContext db, IPeopleDirectory people, LeaderboardPosting boards, ICurrentUser currentUser, TimeProvider clock)
{
    public const int PointsPerDueReview = 5;

    public async Task<FlashcardReviewResult> HandleAsync(Guid cardId, string? idempotencyKey, ReviewFlashcardRequest request, CancellationToken cancellationToken)
    {
        var studentId = currentUser.RequireRole(Role.Student);
        IdempotentRequests.EnsureKey(idempotencyKey, "review");
        var rating = ParseRating(request.Rating) ?? throw ValidationFailedException.For("rating", "Rate your recall: again, hard, good or easy.");
        var requestHash = IdempotentRequests.Hash("flashcard", cardId.ToString("N"), NameOf(rating));
        if (await IdempotentRequests.ReplayAsync<FlashcardReviewResult>(db, studentId, idempotencyKey!, requestHash, cancellationToken) is { } replayed)
        {
            return replayed;
        }

        var card = await db.Flashcards.FirstOrDefaultAsync(c => c.Id == cardId && c.StudentId == studentId, cancellationToken)
            ?? throw new NotFoundException("flashcard");
        var now = clock.GetUtcNow().UtcDateTime;
        var (_, _, nextDay) = StartSession.StudentDay(await people.FindStudentAsync(studentId, cancellationToken), now);
        var wasDue = card.DueAt < nextDay;
        var scheduled = card.Review(rating, now);
        var points = wasDue ? PointsPerDueReview : 0;

        var review = new FlashcardReview
        {
            Id = Guid.CreateVersion7(), CardId = card.Id, StudentId = studentId, Number = card.Reviews, Rating = rating,
            Stability = scheduled.State.Stability, Difficulty = scheduled.State.Difficulty, IntervalDays = scheduled.IntervalDays, Points = points, ReviewedAt = now,
        };
        db.FlashcardReviews.Add(review);
        db.LearningEvents.Add(new LearningEvent
        {
            Id = review.Id, StudentId = studentId, Kind = LearningEventKind.FlashcardReviewed, QuestionId = card.Id, SkillId = card.SkillId,
            Correct = rating != Rating.Again, Attempt = 1, Points = points, OccurredAt = now,
        });
        db.PublishEvent(new FlashcardReviewed(review.Id, studentId, card.Id, card.SkillId, (int)rating, scheduled.IntervalDays, scheduled.DueAt, now, scheduled.State.Stability), clock);
        await boards.PostAsync(studentId, ScoreKind.Practice, points, now, cancellationToken);

        var result = new FlashcardReviewResult(card.Id, NameOf(rating), scheduled.State.Stability, scheduled.State.Difficulty, scheduled.IntervalDays, scheduled.DueAt, points);
        return await IdempotentRequests.SaveAsync(db, studentId, idempotencyKey!, requestHash, result, now,
            () => new ConflictException("concurrent_review", "Another review of this card was being saved; fetch your due cards and try again."),
            cancellationToken);
    }

    public static Rating? ParseRating(string? name) => name?.Trim().ToLowerInvariant() switch
    {
        "again" => Rating.Again,
        "hard" => Rating.Hard,
        "good" => Rating.Good,
        "easy" => Rating.Easy,
        _ => null,
    };

    public static string NameOf(Rating rating) => rating.ToString().ToLowerInvariant();

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/flashcards/{id:guid}/reviews", async Task<Ok<FlashcardReviewResult>> (
                Guid id,
                [FromHeader(Name = IdempotentRequests.Header)] string? idempotencyKey,
                ReviewFlashcardRequest request,
                ReviewFlashcard handler,
                CancellationToken ct) => TypedResults.Ok(await handler.HandleAsync(id, idempotencyKey, request, ct)))
            .RequireAuthorization()
            .WithName("ReviewFlashcard")
            .WithSummary("Rates recall of a flashcard (again/hard/good/easy) and schedules it with FSRS-6; send a unique Idempotency-Key.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
}
