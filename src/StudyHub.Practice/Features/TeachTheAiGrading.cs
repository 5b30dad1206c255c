using StudyHub.Kernel.Errors;
using StudyHub.Practice.Domain;
using StudyHub.Practice.Generation;

namespace StudyHub.Practice.Features;

/// <summary>
/// Grades a teach-the-AI answer (docs/practice.md, "Teach the AI"): half the question for finding
/// the classmate's wrong step, a quarter for an explanation that names the step's operation and a
/// quarter for one that names the key idea of the fix (<see cref="ExplanationRubric"/>). A wrong
/// step scores nothing and the student tries again; the right step ends the question whatever the
/// explanation earned, and only a full answer continues the streak.
/// </summary>
internal static class TeachTheAiGrading
{
    public const decimal StepShare = 0.5m;

    public static (decimal Fraction, string? Feedback) Grade(GameQuestion question, string answer, string? explanation)
    {
        if (!PracticeJson.OptionsOf(question).Any(o => o.Id == answer))
        {
            throw ValidationFailedException.For("answer", "Answer with the id of one of the steps.");
        }

        if (string.IsNullOrWhiteSpace(explanation))
        {
            throw ValidationFailedException.For("explanation", "Explain to your classmate what went wrong and how to fix it.");
        }

        if (answer != question.AnswerKey)
        {
            return (0m, "That step follows correctly from the one before it; look again.");
        }

        // A question whose misconception has no rubric (edited by hand, or an older engine) is judged on the step alone.
        if (question.Misconception is not { } misconception || !ExplanationRubric.Covers(misconception))
        {
            return (1m, null);
        }

        var judgement = ExplanationRubric.Judge(misconception, explanation);
        var missing = ExplanationRubric.Missing(misconception, judgement);
        return (StepShare + (judgement.Fraction * 2 * (1m - StepShare)), missing is null ? null : "You found the mistake. To teach it fully, " + missing + ".");
    }

    /// <summary>The question ends as soon as the wrong step is found, even when the explanation earned less than all.</summary>
    public static bool EndsWith(GameQuestion question, decimal fraction) =>
        question.Type == QuestionType.TeachTheAi && fraction > 0m;
}
