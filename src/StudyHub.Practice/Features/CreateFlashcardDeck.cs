using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using StudyHub.Kernel.Errors;
using StudyHub.Kernel.Homework;
using StudyHub.Kernel.Skills;
using StudyHub.Kernel.Users;
using StudyHub.Math;
using StudyHub.Practice.Data;
using StudyHub.Practice.Domain;
using StudyHub.Practice.Generation;

namespace StudyHub.Practice.Features;

/// <summary>Exactly one source: a homework the student may see, or a math skill of the catalogue.</summary>
public sealed record CreateFlashcardDeckRequest(Guid? HomeworkId, string? SkillId);

public sealed record FlashcardDeckView(Guid Id, string Title, Guid? HomeworkId, string? SkillId, int CardCount, DateTime CreatedAt);

/// <summary>
/// Makes the student's own deck: one card per homework problem that has an answer key (problems
/// without one are left out rather than given a guessed answer), or the math engine's variants of a
/// skill's problems. Every card starts new and due now.
/// </summary>
internal sealed class CreateFlashcardDeck(
    PracticeDbContext db, IHomeworkQueries homework, ISkillCatalog skills, MathEngine engine, ICurrentUser currentUser, TimeProvider clock)
{
    public const int SkillDeckSize = 10;

    public async Task<FlashcardDeckView> HandleAsync(CreateFlashcardDeckRequest request, CancellationToken cancellationToken)
    {
        var studentId = currentUser.RequireRole(Role.Student);
        var hasSkill = !string.IsNullOrWhiteSpace(request.SkillId);
        if (request.HomeworkId is null == !hasSkill)
        {
            throw ValidationFailedException.For("source", "Send either a homeworkId or a skillId.");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        string title;
        List<(string Front, string Back, string? SkillId)> sides;
        if (request.HomeworkId is { } homeworkId)
        {
            var source = await homework.FindVisibleAsync(homeworkId, studentId, cancellationToken) ?? throw new NotFoundException("homework");
            title = source.Title;
            sides = [.. source.Problems
                .Where(p => !string.IsNullOrWhiteSpace(p.AnswerExact))
                .Select(p => (Clip(p.Instruction is null ? p.Text : $"{p.Instruction}: {p.Text}"), Clip(p.AnswerExact!), p.SkillId))];
        }
        else
        {
            var skillId = request.SkillId!.Trim();
            var seeds = SeedProblems.For(skillId)
                ?? throw ValidationFailedException.For("skillId", "Choose a math skill decks can be made for: " + string.Join(", ", SeedProblems.Skills) + ".");
            title = skills.Find(skillId)?.Name ?? skillId;
            sides = [.. Variants(seeds).Take(SkillDeckSize).Select(v => (Clip("Solve: " + v.Problem), Clip(v.Answer), (string?)skillId))];
        }

        if (sides.Count == 0)
        {
            throw new ConflictException("no_cards", "None of these problems has an answer key yet, so no cards could be made.");
        }

        var deck = new FlashcardDeck
        {
            Id = Guid.CreateVersion7(), StudentId = studentId, Title = title.Length > FlashcardDeck.MaxTitleLength ? title[..FlashcardDeck.MaxTitleLength] : title,
            HomeworkId = request.HomeworkId, SkillId = hasSkill ? request.SkillId!.Trim() : null, CreatedAt = now,
        };
        deck.Cards.AddRange(sides.Select((side, i) => new Flashcard
        {
            Id = Guid.CreateVersion7(), DeckId = deck.Id, StudentId = studentId, Position = i + 1, Front = side.Front, Back = side.Back,
            SkillId = side.SkillId, DueAt = now, CreatedAt = now,
        }));
        db.FlashcardDecks.Add(deck);
        await db.SaveChangesAsync(cancellationToken);
        return ToView(deck);
    }

    public static FlashcardDeckView ToView(FlashcardDeck deck) => new(deck.Id, deck.Title, deck.HomeworkId, deck.SkillId, deck.Cards.Count, deck.CreatedAt);

    private IEnumerable<Variant> Variants(IReadOnlyList<string> seeds)
    {
        var perSeed = (SkillDeckSize + seeds.Count - 1) / seeds.Count;
        foreach (var seed in seeds)
        {
            IReadOnlyList<Variant> variants;
            try
            {
                variants = engine.Variants(seed, perSeed, seed: seed.Length);
            }
            catch (MathEngineException)
            {
                continue; // a seed the engine cannot vary gives no cards; the others still do
            }

            foreach (var variant in variants)
            {
                yield return variant;
            }
        }
    }

    private static string Clip(string text) => text.Length > Flashcard.MaxSideLength ? text[..Flashcard.MaxSideLength] : text;

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/flashcards/decks", async Task<Created<FlashcardDeckView>> (CreateFlashcardDeckRequest request, CreateFlashcardDeck handler, CancellationToken ct) =>
            {
                // Its cards are read through GET /flashcards/due; a deck has no page of its own yet.
                var deck = await handler.HandleAsync(request, ct);
                return TypedResults.Created((string?)null, deck);
            })
            .RequireAuthorization()
            .WithName("CreateFlashcardDeck")
            .WithSummary("Makes a flashcard deck from a homework (problems with an answer key) or a math skill.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
}
