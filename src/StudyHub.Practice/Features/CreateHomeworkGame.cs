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

/// <summary>A game made of variants of a homework's math problems (those with an answer key).</summary>
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

        var sources = view.Problems
            .Where(p => p.AnswerExact is not null)
            .Select(p => new SourceProblem(p.Text, p.SkillId ?? UnclassifiedMathSkill))
            .ToList();
        var game = packet.Build(ownerId, "Practice: " + view.Title, null, view.Id, sources, count, clock.GetUtcNow().UtcDateTime);
        if (game.Questions.Count == 0)
        {
            throw new ConflictException("no_questions", "This homework has no problems games can be made from yet.");
        }

        db.Games.Add(game);
        await db.SaveChangesAsync(cancellationToken);
        return GameViews.ToSummary(game);
    }

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/homework/{id:guid}/games", async Task<Created<GameSummary>> (Guid id, CreateHomeworkGameRequest? request, CreateHomeworkGame handler, CancellationToken ct) =>
            {
                var game = await handler.HandleAsync(id, request ?? new CreateHomeworkGameRequest(null), ct);
                return TypedResults.Created($"/api/v1/games/{game.Id}", game);
            })
            .RequireAuthorization()
            .WithName("CreateHomeworkGame")
            .WithSummary("Generates a game from a homework's math problems.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
}
