using StudyHub.Practice.Domain;
using StudyHub.Practice.Generation;

namespace StudyHub.Practice.Features;

/// <summary>A question as a player sees it: never its answer.</summary>
/// <param name="Math">The math the prompt is about (<c>2x+3=11</c>), for typesetting; null for a question without one.</param>
public sealed record QuestionView(Guid Id, int Position, string Type, string SkillId, string Prompt, IReadOnlyList<OptionView> Options, int HintLevels, string? Math);

public sealed record OptionView(string Id, string Text);

public sealed record GameSummary(Guid Id, string Title, string? SkillId, Guid? HomeworkId, IReadOnlyList<QuestionView> Questions, DateTime CreatedAt);

internal static class GameViews
{
    public static GameSummary ToSummary(Game game) =>
        new(game.Id, game.Title, game.SkillId, game.HomeworkId, [.. game.Questions.OrderBy(q => q.Position).Select(ToView)], game.CreatedAt);

    public static QuestionView ToView(GameQuestion question) => new(
        question.Id,
        question.Position,
        TypeName(question.Type),
        question.SkillId,
        question.Prompt,
        [.. PracticeJson.OptionsOf(question).Select(o => new OptionView(o.Id, o.Text))],
        PracticeJson.HintsOf(question).Count,
        question.Problem);

    public static string TypeName(QuestionType type) => type switch
    {
        QuestionType.MultipleChoice => "multipleChoice",
        QuestionType.IdentifyTheError => "identifyTheError",
        QuestionType.FreeAnswer => "freeAnswer",
        QuestionType.Match => "match",
        QuestionType.Order => "order",
        QuestionType.TeachTheAi => "teachTheAi",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };
}
