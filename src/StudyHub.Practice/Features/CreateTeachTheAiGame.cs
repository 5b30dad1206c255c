using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using StudyHub.Kernel.Errors;
using StudyHub.Kernel.Users;
using StudyHub.Math;
using StudyHub.Practice.Data;
using StudyHub.Practice.Domain;
using StudyHub.Practice.Generation;

namespace StudyHub.Practice.Features;

public sealed record CreateTeachTheAiGameRequest(string? SkillId, int? QuestionCount);

/// <summary>
/// "Teach the AI", the seed's game: StudyHub plays a classmate who shows a worked solution with a
/// real misconception in one step (the math engine's identify-the-error solutions: every other step
/// follows correctly from the wrong line). The student picks the wrong step and explains the fix in
/// their own words; <see cref="TeachTheAiGrading"/> scores both. Only misconceptions the explanation
/// rubric knows are used, so every question can be judged.
/// </summary>
internal sealed class CreateTeachTheAiGame(PracticeDbContext db, MathEngine engine, ICurrentUser currentUser, TimeProvider clock)
{
    public const string Classmate = "Sam";
    public const int DefaultQuestionCount = 3;
    public const int MaxQuestions = 10;
    private const int HintLevels = 3;

    public async Task<GameSummary> HandleAsync(CreateTeachTheAiGameRequest request, CancellationToken cancellationToken)
    {
        var ownerId = currentUser.RequireRole(Role.Student, Role.Teacher);
        var count = request.QuestionCount ?? DefaultQuestionCount;
        if (count is < 1 or > MaxQuestions)
        {
            throw ValidationFailedException.For("questionCount", $"Between 1 and {MaxQuestions} questions.");
        }

        var seeds = CreateGame.SeedsOf(request.SkillId);
        var now = clock.GetUtcNow().UtcDateTime;
        var game = new Game { Id = Guid.CreateVersion7(), OwnerId = ownerId, Title = "Teach the AI: " + request.SkillId, SkillId = request.SkillId, CreatedAt = now };
        var seed = unchecked((int)(now.Ticks % int.MaxValue));
        foreach (var solution in Solutions(seeds, count, seed))
        {
            game.Questions.Add(ToQuestion(game.Id, game.Questions.Count, request.SkillId, solution));
        }

        if (game.Questions.Count == 0)
        {
            throw new ConflictException("no_questions", "No teach-the-AI questions could be made for this skill.");
        }

        db.Games.Add(game);
        await db.SaveChangesAsync(cancellationToken);
        return GameViews.ToSummary(game);
    }

    /// <summary>Wrong worked solutions of variants of the seed problems, one per problem, with a misconception the rubric can judge.</summary>
    private IEnumerable<ErrorSolution> Solutions(IReadOnlyList<string> seeds, int count, int seed)
    {
        var problems = new HashSet<string>(StringComparer.Ordinal);
        var made = 0;
        for (var round = 0; round < 4 && made < count; round++)
        {
            foreach (var source in seeds)
            {
                IReadOnlyList<Variant> variants;
                try
                {
                    variants = engine.Variants(source, count, seed + round);
                }
                catch (MathEngineException)
                {
                    continue;
                }

                foreach (var (variant, i) in variants.Select((v, i) => (v, i)))
                {
                    ErrorSolution solution;
                    try
                    {
                        solution = engine.ErrorSolution(variant.Problem, seed + i + round);
                    }
                    catch (MathEngineException)
                    {
                        continue;
                    }

                    if (made < count && ExplanationRubric.Covers(solution.Misconception.ToString()) && problems.Add(solution.Problem))
                    {
                        made++;
                        yield return solution;
                    }
                }
            }
        }
    }

    private GameQuestion ToQuestion(Guid gameId, int position, string skillId, ErrorSolution solution)
    {
        // Step 0 is the problem itself; the student picks one of the later steps.
        var options = solution.Steps.Select((s, i) => (Step: s, Index: i)).Skip(1)
            .Select(x => new QuestionOption(x.Index.ToString(CultureInfo.InvariantCulture), $"{x.Step.Description}: {x.Step.Expression}"))
            .ToList();
        var wrong = options.Single(o => o.Id == solution.WrongStepIndex.ToString(CultureInfo.InvariantCulture));
        var hints = new List<string>();
        for (var level = 1; level <= HintLevels; level++)
        {
            try
            {
                hints.Add(engine.Hint(solution.Problem, level).Text);
            }
            catch (MathEngineException)
            {
                break;
            }
        }

        return new GameQuestion
        {
            Id = Guid.CreateVersion7(),
            GameId = gameId,
            Position = position,
            Type = QuestionType.TeachTheAi,
            SkillId = skillId,
            Prompt = $"{Classmate} solved this and got {solution.WrongAnswer}. Find the step where {Classmate} went wrong and explain how to fix it: {solution.Problem}",
            Problem = solution.Problem,
            OptionsJson = JsonSerializer.Serialize(options, PracticeJson.Options),
            AnswerKey = wrong.Id,
            AnswerText = wrong.Text,
            Explanation = $"{solution.Explanation} The right answer is {solution.CorrectAnswer}.",
            HintsJson = JsonSerializer.Serialize(hints, PracticeJson.Options),
            Misconception = solution.Misconception.ToString(),
        };
    }

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/games/teach-the-ai", async Task<Created<GameSummary>> (CreateTeachTheAiGameRequest request, CreateTeachTheAiGame handler, CancellationToken ct) =>
            {
                var game = await handler.HandleAsync(request, ct);
                return TypedResults.Created($"/api/v1/games/{game.Id}", game);
            })
            .RequireAuthorization()
            .WithName("CreateTeachTheAiGame")
            .WithSummary("Generates a teach-the-AI game for a math skill: a classmate's worked solutions, each with one wrong step to find and explain.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict);
}
