using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using StudyHub.Kernel.Errors;
using StudyHub.Kernel.Users;
using StudyHub.Practice.Data;
using StudyHub.Practice.Generation;

namespace StudyHub.Practice.Features;

public sealed record CreateGameRequest(string? SkillId, int? QuestionCount);

/// <summary>A game practising one math skill of the catalogue: variants of the skill's seed problems.</summary>
internal sealed class CreateGame(PracticeDbContext db, ChallengePacket packet, ICurrentUser currentUser, TimeProvider clock)
{
    public const int DefaultQuestionCount = 10;

    public async Task<GameSummary> HandleAsync(CreateGameRequest request, CancellationToken cancellationToken)
    {
        var ownerId = currentUser.RequireRole(Role.Student, Role.Teacher);
        var count = ValidCount(request.QuestionCount);
        var seeds = SeedsOf(request.SkillId);
        var game = packet.Build(ownerId, "Practice: " + request.SkillId, request.SkillId, null,
            [.. seeds.Select(s => new SourceProblem(s, request.SkillId))], count, clock.GetUtcNow().UtcDateTime);
        if (game.Questions.Count == 0)
        {
            throw new ConflictException("no_questions", "No questions could be made for this skill.");
        }

        db.Games.Add(game);
        await db.SaveChangesAsync(cancellationToken);
        return GameViews.ToSummary(game);
    }

    /// <summary>The seed problems of a skill games can be made for; 400 on <c>skillId</c> otherwise.</summary>
    public static IReadOnlyList<string> SeedsOf([System.Diagnostics.CodeAnalysis.NotNull] string? skillId) =>
        string.IsNullOrWhiteSpace(skillId) || SeedProblems.For(skillId) is not { } seeds
            ? throw ValidationFailedException.For("skillId", "Choose a math skill games can be made for: " + string.Join(", ", SeedProblems.Skills) + ".")
            : seeds;

    public static int ValidCount(int? requested)
    {
        var count = requested ?? DefaultQuestionCount;
        if (count is < 1 or > ChallengePacket.MaxQuestions)
        {
            throw ValidationFailedException.For("questionCount", $"Between 1 and {ChallengePacket.MaxQuestions} questions.");
        }

        return count;
    }

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/games", async Task<Created<GameSummary>> (CreateGameRequest request, CreateGame handler, CancellationToken ct) =>
            {
                var game = await handler.HandleAsync(request, ct);
                return TypedResults.Created($"/api/v1/games/{game.Id}", game);
            })
            .RequireAuthorization()
            .WithName("CreateGame")
            .WithSummary("Generates a game (challenge packet) for a math skill; answers stay on the server.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict);
}
