using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using StudyHub.Kernel.Errors;
using StudyHub.Kernel.Homework;
using StudyHub.Kernel.Users;
using StudyHub.Practice.Data;
using StudyHub.Practice.Generation;

namespace StudyHub.Practice.Features;

public sealed record CreateHomeworkGameRequest(int? QuestionCount);

/// <summary>A game made from a homework: variants of its math problems (those with an answer key) and questions on its prose.</summary>
internal sealed class CreateHomeworkGame(PracticeDbContext db, ChallengePacket packet, IHomeworkQueries homework, ICurrentUser currentUser, TimeProvider clock)
{
    /// <summary>Homework problems the catalogue has not classified still practise general algebra.</summary>
    private const string UnclassifiedMathSkill = "math.general";

    public async Task<GameSummary> HandleAsync(Guid homeworkId, CreateHomeworkGameRequest request, CancellationToken cancellationToken)
    {
        var ownerId = currentUser.RequireRole(Role.Student, Role.Teacher, Role.Parent);
        var count = CreateGame.ValidCount(request.QuestionCount);

        // Invisible and missing homework look the same: 404.
        var view = await homework.FindVisibleAsync(homeworkId, ownerId, cancellationToken) ?? throw new NotFoundException("homework");
        if (!view.IsReady)
        {
            throw new ConflictException("homework_not_ready", "The homework is still being read; try again shortly.");
        }

        // Problems with an answer key are math (the engine made the key); prose goes to the text generator whole.
        var sources = view.Problems
            .Where(p => p.AnswerExact is not null)
            .Select(p => new SourceProblem(p.Text, p.SkillId ?? UnclassifiedMathSkill, SubjectQuestionGenerator.MathSubject))
            .ToList();
        if (ProseOf(view) is { } prose)
        {
            sources.Add(prose);
        }

        var game = packet.Build(ownerId, "Practice: " + view.Title, null, view.Id, sources, count, clock.GetUtcNow().UtcDateTime);
        if (game.Questions.Count == 0)
        {
            throw new NoQuestionsException(
                "No good questions could be made from this homework. Games need math problems the engine can solve, or prose with "
                + "definitions (“Photosynthesis is the process by which …”), dates or steps.");
        }

        db.Games.Add(game);
        await db.SaveChangesAsync(cancellationToken);
        return GameViews.ToSummary(game);
    }

    /// <summary>
    /// The homework's text for the text generator, when it is not a math worksheet: its subject is
    /// another one, some of its problems are of another subject, or nothing in it is math at all.
    /// Definitions and timelines span sentences, so the generator reads the whole text, not problem by problem.
    /// </summary>
    private static SourceProblem? ProseOf(HomeworkView view)
    {
        var proseProblems = view.Problems
            .Where(p => p.AnswerExact is null && p.Subject is not (SubjectQuestionGenerator.MathSubject or "unknown"))
            .ToList();
        var isProse = (view.Subject is { } subject && subject != SubjectQuestionGenerator.MathSubject)
            || proseProblems.Count > 0
            || (view.Subject is null && view.Problems.All(p => p.AnswerExact is null));
        if (!isProse)
        {
            return null;
        }

        var text = view.PageTexts.Any(t => !string.IsNullOrWhiteSpace(t))
            ? string.Join("\n\n", view.PageTexts)
            : string.Join("\n", view.Problems.Where(p => p.AnswerExact is null).Select(p => p.Text));
        var proseSubject = view.Subject is { } known && known != SubjectQuestionGenerator.MathSubject
            ? known
            : proseProblems.GroupBy(p => p.Subject).OrderByDescending(g => g.Count()).Select(g => g.Key).FirstOrDefault() ?? SubjectQuestionGenerator.ProseSubject;
        var skill = proseProblems.Where(p => p.SkillId is not null).GroupBy(p => p.SkillId!).OrderByDescending(g => g.Count()).Select(g => g.Key).FirstOrDefault()
            ?? proseSubject + ".general";
        return string.IsNullOrWhiteSpace(text) ? null : new SourceProblem(text, skill, proseSubject);
    }

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/homework/{id:guid}/games", async Task<Created<GameSummary>> (Guid id, CreateHomeworkGameRequest? request, CreateHomeworkGame handler, CancellationToken ct) =>
            {
                var game = await handler.HandleAsync(id, request ?? new CreateHomeworkGameRequest(null), ct);
                return TypedResults.Created($"/api/v1/games/{game.Id}", game);
            })
            .RequireAuthorization()
            .WithName("CreateHomeworkGame")
            .WithSummary("Generates a game from a homework: its math problems and its prose (terms, definitions, dates, steps).")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
}
