using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using StudyHub.Kernel.Errors;
using StudyHub.Kernel.Homework;
using StudyHub.Kernel.Skills;
using StudyHub.Kernel.Users;
using StudyHub.Practice.Data;
using StudyHub.Practice.Generation;

namespace StudyHub.Practice.Features;

/// <param name="SkillId">A skill of the catalogue: a math skill plays variants of its seed problems; another subject's skill plays questions on the caller's homework about it.</param>
/// <param name="Topic">Instead of a skill: words to find in the caller's homework ("photosynthesis", "French Revolution").</param>
public sealed record CreateGameRequest(string? SkillId, int? QuestionCount, string? Topic = null);

/// <summary>
/// A game practising one skill of the catalogue or one topic. Math skills: variants of the skill's
/// seed problems. Other skills and topics: text questions on the passages of the caller's own
/// homework that the full-text search finds for the skill's name or the topic.
/// </summary>
internal sealed class CreateGame(
    PracticeDbContext db, ChallengePacket packet, ISkillCatalog catalog, IHomeworkSearch search, ICurrentUser currentUser, TimeProvider clock)
{
    public const int DefaultQuestionCount = 10;
    public const int MaxTopicLength = 100;

    /// <summary>Passages read for a topic game: enough text for several definitions and dates, bounded work.</summary>
    private const int TopicPassages = 12;

    public async Task<GameSummary> HandleAsync(CreateGameRequest request, CancellationToken cancellationToken)
    {
        var ownerId = currentUser.RequireRole(Role.Student, Role.Teacher);
        var count = ValidCount(request.QuestionCount);
        var topic = request.Topic?.Trim();
        var skill = string.IsNullOrWhiteSpace(request.SkillId) ? null : catalog.Find(request.SkillId);
        if (topic is { Length: > 0 } && string.IsNullOrWhiteSpace(request.SkillId))
        {
            if (topic.Length is < 2 or > MaxTopicLength)
            {
                throw ValidationFailedException.For("topic", $"A topic has 2 to {MaxTopicLength} characters.");
            }

            return await FromHomeworkAsync(ownerId, topic, "general", SubjectQuestionGenerator.ProseSubject, "Practice: " + topic, null, count, cancellationToken);
        }

        if (request.SkillId is { Length: > 0 } id && SeedProblems.For(id) is { } seeds)
        {
            var game = packet.Build(ownerId, "Practice: " + id, id, null,
                [.. seeds.Select(s => new SourceProblem(s, id, SubjectQuestionGenerator.MathSubject))], count, clock.GetUtcNow().UtcDateTime);
            if (game.Questions.Count == 0)
            {
                throw new NoQuestionsException("No questions could be made for this skill.");
            }

            return await SaveAsync(game, cancellationToken);
        }

        if (skill is not null && skill.Subject != SubjectQuestionGenerator.MathSubject)
        {
            return await FromHomeworkAsync(ownerId, topic is { Length: > 0 } ? topic : skill.Name, skill.Id, skill.Subject, "Practice: " + skill.Name, skill.Id, count, cancellationToken);
        }

        throw ValidationFailedException.For(
            "skillId",
            "Choose a math skill games can be made for (" + string.Join(", ", SeedProblems.Skills) + "), a skill of another subject, or send a topic instead.");
    }

    /// <summary>Text questions on the caller's homework passages about <paramref name="query"/>; 422 when there are none to make.</summary>
    private async Task<GameSummary> FromHomeworkAsync(
        Guid ownerId, string query, string skillId, string subject, string title, string? gameSkill, int count, CancellationToken cancellationToken)
    {
        var passages = await search.SearchAsync(ownerId, query, null, TopicPassages, cancellationToken);
        var text = string.Join("\n\n", passages.Select(p => p.Text));
        var game = packet.Build(ownerId, title.Length > 120 ? title[..120] : title, gameSkill, null,
            text.Length == 0 ? [] : [new SourceProblem(text, skillId, subject)], count, clock.GetUtcNow().UtcDateTime);
        if (game.Questions.Count == 0)
        {
            throw new NoQuestionsException(passages.Count == 0
                ? $"None of your homework mentions “{query}” yet. Upload or paste notes about it, then try again."
                : $"Your homework mentions “{query}”, but without definitions, dates or steps to ask about. Add notes that define its key terms.");
        }

        return await SaveAsync(game, cancellationToken);
    }

    private async Task<GameSummary> SaveAsync(Domain.Game game, CancellationToken cancellationToken)
    {
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
            .WithSummary("Generates a game (challenge packet) for a skill or a topic; answers stay on the server.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
}
