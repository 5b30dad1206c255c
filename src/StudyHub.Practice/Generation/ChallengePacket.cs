using System.Text.Json;
using StudyHub.Practice.Domain;

namespace StudyHub.Practice.Generation;

/// <summary>Builds a game from source problems: questions spread across the sources, stored with their answers.</summary>
internal sealed class ChallengePacket(IQuestionGenerator generator)
{
    public const int MaxQuestions = 20;

    public Game Build(Guid ownerId, string title, string? skillId, Guid? homeworkId, IReadOnlyList<SourceProblem> sources, int questionCount, DateTime now)
    {
        var perSource = (int)System.Math.Ceiling(questionCount / (double)System.Math.Max(1, sources.Count));
        var seed = unchecked((int)(now.Ticks % int.MaxValue));
        var batches = sources.Select((source, i) => generator.Generate(source, perSource, seed + (i * 7919))).ToList();

        // A source that makes nothing (prose without definitions, a problem the engine cannot
        // vary) leaves room: the sources that filled their share are asked for more.
        if (batches.Sum(b => b.Count) < questionCount)
        {
            batches = [.. batches.Select((batch, i) => batch.Count < perSource ? batch : generator.Generate(sources[i], questionCount, seed + (i * 7919)))];
        }

        // Round robin over the sources keeps a game mixed when one source could fill it alone.
        var generated = Enumerable.Range(0, batches.Count == 0 ? 0 : batches.Max(b => b.Count))
            .SelectMany(round => batches.Where(b => round < b.Count).Select(b => b[round]))
            .DistinctBy(q => q.Prompt)
            .Take(questionCount)
            .ToList();

        var game = new Game { Id = Guid.CreateVersion7(), OwnerId = ownerId, Title = title, SkillId = skillId, HomeworkId = homeworkId, CreatedAt = now };
        game.Questions.AddRange(generated.Select((q, i) => new GameQuestion
        {
            Id = Guid.CreateVersion7(),
            GameId = game.Id,
            Position = i,
            Type = q.Type,
            SkillId = q.SkillId,
            Prompt = Limit(q.Prompt, GameQuestion.MaxPromptLength),
            Problem = q.Problem,
            OptionsJson = JsonSerializer.Serialize(q.Options, PracticeJson.Options),
            AnswerKey = Limit(q.AnswerKey, GameQuestion.MaxAnswerKeyLength),
            AnswerText = Limit(q.AnswerText, GameQuestion.MaxAnswerKeyLength),
            Explanation = Limit(q.Explanation, 8000),
            MisconceptionsJson = JsonSerializer.Serialize(q.Misconceptions, PracticeJson.Options),
            HintsJson = JsonSerializer.Serialize(q.Hints, PracticeJson.Options),
        }));
        return game;
    }

    private static string Limit(string text, int length) => text.Length <= length ? text : text[..length];
}

internal static class PracticeJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static IReadOnlyList<QuestionOption> OptionsOf(GameQuestion question) =>
        JsonSerializer.Deserialize<List<QuestionOption>>(question.OptionsJson, Options) ?? [];

    public static IReadOnlyList<string> HintsOf(GameQuestion question) =>
        JsonSerializer.Deserialize<List<string>>(question.HintsJson, Options) ?? [];

    public static IReadOnlyDictionary<string, string> MisconceptionsOf(GameQuestion question) =>
        JsonSerializer.Deserialize<Dictionary<string, string>>(question.MisconceptionsJson, Options) ?? [];
}
