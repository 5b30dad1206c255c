using StudyHub.Practice.Domain;
using StudyHub.Practice.Generation;

namespace StudyHub.Practice.Features;

/// <summary>A question as a player sees it: never its answer.</summary>
/// <param name="Math">The math the prompt is about (<c>2x+3=11</c>), for typesetting; null for a question without one.</param>
/// <param name="Options">The choices; for match the items to pair, for order the items to arrange (in a shuffled order).</param>
/// <param name="Targets">Match only: what the items pair with (answer <c>{"itemId": "targetId"}</c>); empty for other types.</param>
public sealed record QuestionView(
    Guid Id, int Position, string Type, string SkillId, string Prompt, IReadOnlyList<OptionView> Options, int HintLevels, string? Math,
    IReadOnlyList<OptionView>? Targets = null);

public sealed record OptionView(string Id, string Text);

public sealed record GameSummary(Guid Id, string Title, string? SkillId, Guid? HomeworkId, IReadOnlyList<QuestionView> Questions, DateTime CreatedAt);

internal static class GameViews
{
    public static GameSummary ToSummary(Game game) =>
        new(game.Id, game.Title, game.SkillId, game.HomeworkId, [.. game.Questions.OrderBy(q => q.Position).Select(ToView)], game.CreatedAt);

    public static QuestionView ToView(GameQuestion question)
    {
        var options = PracticeJson.OptionsOf(question);
        return new(
            question.Id,
            question.Position,
            TypeName(question.Type),
            question.SkillId,
            question.Prompt,
            [.. options.Where(o => !o.IsTarget).Select(o => new OptionView(o.Id, o.Text))],
            PracticeJson.HintsOf(question).Count,
            question.Problem,
            [.. options.Where(o => o.IsTarget).Select(o => new OptionView(o.Id, o.Text))]);
    }

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
