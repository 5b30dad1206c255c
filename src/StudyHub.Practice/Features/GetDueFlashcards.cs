using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using StudyHub.Kernel.Users;
using StudyHub.Practice.Data;
using StudyHub.Practice.Domain;

namespace StudyHub.Practice.Features;

/// <summary>A card to review: the back is included because the student reveals it themself before rating their recall.</summary>
/// <param name="Schedule">What each rating would schedule if given now (again, hard, good, easy), for the buttons' labels as Anki shows them.</param>
public sealed record DueFlashcardView(Guid Id, Guid DeckId, string Front, string Back, bool IsNew, DateTime DueAt, IReadOnlyList<RatingPreview> Schedule);

/// <param name="Rating">again, hard, good or easy.</param>
public sealed record RatingPreview(string Rating, int IntervalDays, DateTime DueAt);

/// <param name="Day">The student's local date the list is for.</param>
/// <param name="NewLeftToday">How many more new cards today's cap allows after this list.</param>
/// <param name="NextDueAt">When the first card not in this list falls due (the start of tomorrow when today's caps held it back); null without other cards.</param>
/// <param name="TimeZone">The student's time zone, in which <paramref name="Day"/> is counted.</param>
public sealed record DueFlashcardsView(DateOnly Day, IReadOnlyList<DueFlashcardView> Cards, int ReviewedToday, int NewLeftToday, int ReviewsLeftToday, DateTime? NextDueAt, string TimeZone);

/// <summary>
/// The cards due by the end of the student's day (their time zone), oldest due first, within the
/// day's caps: at most <see cref="NewCardsPerDay"/> new cards and <see cref="ReviewsPerDay"/> reviews
/// in all, counting the reviews already done today (Anki's defaults, which FSRS users keep).
/// </summary>
internal sealed class GetDueFlashcards(PracticeDbContext db, IPeopleDirectory people, ICurrentUser currentUser, TimeProvider clock)
{
    public const int NewCardsPerDay = 20;
    public const int ReviewsPerDay = 200;

    public async Task<DueFlashcardsView> HandleAsync(CancellationToken cancellationToken)
    {
        var studentId = currentUser.RequireRole(Role.Student);
        var student = await people.FindStudentAsync(studentId, cancellationToken);
        var now = clock.GetUtcNow();
        var (today, dayStart, nextDay) = StartSession.StudentDay(student, now);
        var reviewedToday = await db.FlashcardReviews.CountAsync(r => r.StudentId == studentId && r.ReviewedAt >= dayStart && r.ReviewedAt < nextDay, cancellationToken);
        var newToday = await db.FlashcardReviews.CountAsync(r => r.StudentId == studentId && r.Number == 1 && r.ReviewedAt >= dayStart && r.ReviewedAt < nextDay, cancellationToken);
        var reviewsLeft = System.Math.Max(0, ReviewsPerDay - reviewedToday);
        var newLeft = System.Math.Min(reviewsLeft, System.Math.Max(0, NewCardsPerDay - newToday));

        var due = db.Flashcards.AsNoTracking().Where(c => c.StudentId == studentId && c.DueAt < nextDay);
        var reviews = await due.Where(c => c.Reviews > 0).OrderBy(c => c.DueAt).ThenBy(c => c.Id).Take(reviewsLeft).ToListAsync(cancellationToken);
        newLeft = System.Math.Min(newLeft, reviewsLeft - reviews.Count);
        var fresh = await due.Where(c => c.Reviews == 0).OrderBy(c => c.CreatedAt).ThenBy(c => c.Position).Take(newLeft).ToListAsync(cancellationToken);

        var cards = reviews.Concat(fresh).Select(c => new DueFlashcardView(c.Id, c.DeckId, c.Front, c.Back, c.IsNew, c.DueAt, Schedule(c, now.UtcDateTime))).ToList();

        var listed = cards.Select(c => c.Id).ToList();
        var nextDue = await db.Flashcards.Where(c => c.StudentId == studentId && !listed.Contains(c.Id)).MinAsync(c => (DateTime?)c.DueAt, cancellationToken);
        if (nextDue < nextDay)
        {
            nextDue = nextDay; // due today but over today's caps: they come back when the day turns
        }

        return new DueFlashcardsView(today, cards, reviewedToday, newLeft - fresh.Count, reviewsLeft - cards.Count, nextDue, student?.TimeZone ?? "UTC");
    }

    private static IReadOnlyList<RatingPreview> Schedule(Flashcard card, DateTime now) =>
        [.. Enum.GetValues<Rating>().Select(rating =>
        {
            var next = card.Preview(rating, now);
            return new RatingPreview(ReviewFlashcard.NameOf(rating), next.IntervalDays, next.DueAt);
        })];

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/flashcards/due", async Task<Ok<DueFlashcardsView>> (GetDueFlashcards handler, CancellationToken ct) => TypedResults.Ok(await handler.HandleAsync(ct)))
            .RequireAuthorization()
            .WithName("GetDueFlashcards")
            .WithSummary("The signed-in student's flashcards due today (their time zone), within the daily caps.")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
}
