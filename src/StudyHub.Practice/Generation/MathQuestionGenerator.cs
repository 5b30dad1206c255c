using System.Globalization;
using StudyHub.Math;
using StudyHub.Practice.Domain;

namespace StudyHub.Practice.Generation;

/// <summary>
/// Math questions through the math engine: variants of the source problem asked as multiple
/// choice (distractors labelled with the misconception that produces them) or free answer, and an
/// identify-the-error question on a worked solution with one wrong step. Quality rules: one right
/// option, no duplicate options, no hint that gives the answer away (the engine's ladder guarantees it).
/// </summary>
internal sealed class MathQuestionGenerator(MathEngine engine) : IQuestionGenerator
{
    private const int HintLevels = 3;
    private static readonly string[] OptionIds = ["a", "b", "c", "d"];

    public IReadOnlyList<GeneratedQuestion> Generate(SourceProblem source, int count, int seed)
    {
        IReadOnlyList<Variant> variants;
        try
        {
            variants = engine.Variants(source.Text, System.Math.Clamp(count, 1, 20), seed);
        }
        catch (MathEngineException)
        {
            return [];
        }

        var questions = new List<GeneratedQuestion>();
        var errorQuestion = IdentifyTheError(source, seed);
        for (var i = 0; i < variants.Count && questions.Count < count; i++)
        {
            // One in three is asked as a free answer; the rest as multiple choice when the engine
            // finds at least two misconception distractors, otherwise free answer.
            var question = (i % 3 == 2 ? null : MultipleChoice(variants[i], source.SkillId, seed + i)) ?? FreeAnswer(variants[i], source.SkillId);
            if (question is not null)
            {
                questions.Add(question);
            }

            if (i == 1 && errorQuestion is not null && questions.Count < count)
            {
                questions.Add(errorQuestion);
                errorQuestion = null;
            }
        }

        return questions;
    }

    private GeneratedQuestion? MultipleChoice(Variant variant, string skillId, int seed)
    {
        IReadOnlyList<Distractor> distractors;
        try
        {
            distractors = engine.Distractors(variant.Problem, 3);
        }
        catch (MathEngineException)
        {
            return null;
        }

        var wrong = distractors
            .Where(d => !Same(d.Answer, variant.Answer))
            .DistinctBy(d => Normalize(d.Answer))
            .Take(3)
            .ToList();
        if (wrong.Count < 2)
        {
            return null;
        }

        var texts = wrong.Select(d => (Text: d.Answer, Misconception: (string?)d.Explanation)).Append((Text: variant.Answer, Misconception: null)).ToList();
        var order = new Random(seed);
        texts = [.. texts.OrderBy(_ => order.Next())];
        var options = texts.Select((t, i) => new QuestionOption(OptionIds[i], t.Text)).ToList();
        var right = options[texts.FindIndex(t => t.Misconception is null)];
        var misconceptions = texts.Select((t, i) => (Id: OptionIds[i], t.Misconception))
            .Where(t => t.Misconception is not null)
            .ToDictionary(t => t.Id, t => t.Misconception!);
        return new GeneratedQuestion(
            QuestionType.MultipleChoice, skillId, $"Solve: {variant.Problem}", variant.Problem, options, right.Id, right.Text,
            Explain(variant.Steps), misconceptions, Hints(variant.Problem));
    }

    private GeneratedQuestion FreeAnswer(Variant variant, string skillId) =>
        new(QuestionType.FreeAnswer, skillId, $"Solve: {variant.Problem}", variant.Problem, [], variant.Answer, variant.Answer,
            Explain(variant.Steps), new Dictionary<string, string>(), Hints(variant.Problem));

    private GeneratedQuestion? IdentifyTheError(SourceProblem source, int seed)
    {
        ErrorSolution solution;
        try
        {
            solution = engine.ErrorSolution(source.Text, seed);
        }
        catch (MathEngineException)
        {
            return null;
        }

        // Step 0 is the problem itself; the student picks one of the later steps.
        var options = solution.Steps.Select((s, i) => (Step: s, Index: i)).Skip(1)
            .Select(x => new QuestionOption(x.Index.ToString(CultureInfo.InvariantCulture), $"{x.Step.Description}: {x.Step.Expression}"))
            .ToList();
        var right = options.Single(o => o.Id == solution.WrongStepIndex.ToString(CultureInfo.InvariantCulture));
        return new GeneratedQuestion(
            QuestionType.IdentifyTheError, source.SkillId, $"A classmate solved {solution.Problem} and got {solution.WrongAnswer}. Which step is wrong?",
            solution.Problem, options, right.Id, right.Text, $"{solution.Explanation} The right answer is {solution.CorrectAnswer}.",
            new Dictionary<string, string>(), Hints(solution.Problem));
    }

    private List<string> Hints(string problem)
    {
        var hints = new List<string>();
        for (var level = 1; level <= HintLevels; level++)
        {
            try
            {
                hints.Add(engine.Hint(problem, level).Text);
            }
            catch (MathEngineException)
            {
                break;
            }
        }

        return hints;
    }

    private static string Explain(IReadOnlyList<WorkedStep> steps) =>
        string.Join(" → ", steps.Select(s => $"{s.Description}: {s.Expression}"));

    private static bool Same(string a, string b) => Normalize(a) == Normalize(b);

    private static string Normalize(string answer) => answer.Replace(" ", "", StringComparison.Ordinal).ToLowerInvariant();
}
