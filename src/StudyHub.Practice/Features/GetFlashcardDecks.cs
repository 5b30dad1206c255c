using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using StudyHub.Kernel.Users;
using StudyHub.Practice.Data;

namespace StudyHub.Practice.Features;

/// <param name="DueToday">Cards due by the end of the student's day (before the daily caps).</param>
public sealed record FlashcardDeckSummary(Guid Id, string Title, Guid? HomeworkId, string? SkillId, int CardCount, int DueToday, DateTime CreatedAt);

/// <summary>The signed-in student's decks, newest first, with how many of each deck's cards are due today in their time zone.</summary>
internal sealed class GetFlashcardDecks(PracticeDbContext db, IPeopleDirectory people, ICurrentUser currentUser, TimeProvider clock)
{
    public async Task<IReadOnlyList<FlashcardDeckSummary>> HandleAsync(CancellationToken cancellationToken)
    {
        var studentId = currentUser.RequireRole(Role.Student);
        var (_, _, nextDay) = StartSession.StudentDay(await people.FindStudentAsync(studentId, cancellationToken), clock.GetUtcNow());
        return await db.FlashcardDecks.AsNoTracking()
            .Where(d => d.StudentId == studentId)
            .OrderByDescending(d => d.CreatedAt).ThenByDescending(d => d.Id)
            .Select(d => new FlashcardDeckSummary(d.Id, d.Title, d.HomeworkId, d.SkillId, d.Cards.Count, d.Cards.Count(c => c.DueAt < nextDay), d.CreatedAt))
            .ToListAsync(cancellationToken);
    }

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/flashcards/decks", async Task<Ok<IReadOnlyList<FlashcardDeckSummary>>> (GetFlashcardDecks handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(ct)))
            .RequireAuthorization()
            .WithName("GetFlashcardDecks")
            .WithSummary("The signed-in student's flashcard decks with their card counts and cards due today.")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
}
