using StudyHub.Content.Skills;
using StudyHub.Math;

namespace StudyHub.Content.Classification;

/// <summary>
/// Offline classification: math the engine reads is classified by the engine's problem kind
/// (certain); anything else by naive Bayes trained at start on the labelled problems in the repo.
/// </summary>
internal sealed class BuiltInClassifier : IProblemClassifier
{
    /// <summary>
    /// Below this posterior (among the subject's skills) the skill is not named, only the subject: a wrong skill
    /// would mislead mastery. On the evaluation set, raising it from 0.2 to 0.4 named 8 fewer wrong skills
    /// (40 → 32 of 178) and no fewer right ones; on the held-out part of the labelled set it cost 2 right
    /// skills of 59. Higher thresholds lose right skills about as fast as wrong ones (docs/reading.md section 6).
    /// </summary>
    internal const double MinimumSkillProbability = 0.4;

    /// <summary>Below this posterior the subject is "unknown": an unclassified problem beats a wrongly classified one.</summary>
    internal const double MinimumSubjectProbability = 0.35;

    private readonly MathEngine _engine;
    private readonly SkillCatalog _catalog;
    private readonly NaiveBayesModel _skills;
    private readonly NaiveBayesModel _subjects;

    public BuiltInClassifier(MathEngine engine, SkillCatalog catalog)
        : this(engine, catalog, LabelledProblems.All())
    {
    }

    /// <summary>Trains on <paramref name="examples"/> (labelled with skill ids): one model for the subject, one for the skill.</summary>
    internal BuiltInClassifier(MathEngine engine, SkillCatalog catalog, IReadOnlyList<LabelledExample> examples)
    {
        _engine = engine;
        _catalog = catalog;
        if (examples.FirstOrDefault(e => catalog.Find(e.Label) is null) is { } unknown)
        {
            throw new InvalidOperationException($"labelled-problems.tsv uses skill '{unknown.Label}', which is not in the catalogue.");
        }

        _skills = NaiveBayesModel.Train(examples);

        // A subject has ~40 examples where a skill has ~6, so a model of its own tells subjects apart better.
        _subjects = NaiveBayesModel.Train(examples.Select(e => e with { Label = catalog.Find(e.Label)!.Subject }));
    }

    public Classification Classify(string text, string? instruction)
    {
        if (MathText.Read(_engine, text, instruction) is { } reading)
        {
            return new Classification("math", SkillOf(reading), 1.0);
        }

        var combined = string.IsNullOrWhiteSpace(instruction) ? text : instruction + " " + text;
        var subjects = _subjects.Posteriors(combined);
        if (subjects.Count == 0)
        {
            return new Classification("unknown", null, 0);
        }

        var subject = subjects.MaxBy(s => s.Value);
        if (subject.Value < MinimumSubjectProbability)
        {
            return new Classification("unknown", null, subject.Value);
        }

        var skills = _skills.Posteriors(combined).Where(p => _catalog.Find(p.Key)!.Subject == subject.Key).ToList();
        var inSubject = skills.Sum(p => p.Value);
        var skill = skills.MaxBy(p => p.Value);
        var sure = inSubject > 0 && skill.Value / inSubject >= MinimumSkillProbability;
        return new Classification(subject.Key, sure ? skill.Key : null, subject.Value);
    }

    /// <summary>The skill a kind of problem practises; arithmetic by the numbers it uses.</summary>
    internal static string SkillOf(MathReading reading) => reading.Kind switch
    {
        ProblemKind.Arithmetic => ArithmeticSkill(reading.EngineInput),
        ProblemKind.Evaluate => "math.expressions",
        ProblemKind.Simplify => reading.EngineInput.Contains('^', StringComparison.Ordinal) ? "math.polynomials" : "math.expressions",
        ProblemKind.Expand => "math.polynomials",
        ProblemKind.Factor => "math.factoring",
        ProblemKind.LinearEquation => "math.linear-equations",
        ProblemKind.LinearInequality or ProblemKind.QuadraticInequality or ProblemKind.AbsoluteValueInequality => "math.inequalities",
        ProblemKind.AbsoluteValueEquation => "math.linear-equations",
        ProblemKind.ExponentialEquation or ProblemKind.LogarithmicEquation => "math.exponents-roots",
        ProblemKind.QuadraticEquation => "math.quadratics",
        ProblemKind.PolynomialEquation => "math.polynomials",
        ProblemKind.System => "math.systems",
        ProblemKind.SolveFor => "math.literal-equations",
        ProblemKind.Derivative => "math.derivatives",
        _ => "math.expressions",
    };

    private static string ArithmeticSkill(string text)
    {
        if (text.Contains('%', StringComparison.Ordinal))
        {
            return "math.percentages";
        }

        var (additive, multiplicative, powers) = Operations(text);
        if (additive + multiplicative >= 2 && additive > 0 && (multiplicative > 0 || powers > 0) && (additive + multiplicative + powers) >= 3)
        {
            // "8 + 4 × (6 - 2)^2": several operations of different precedence is what order of operations practises.
            return "math.order-of-operations";
        }

        if (powers > 0)
        {
            return "math.exponents-roots";
        }

        // A slash between numbers writes a fraction; "÷" is division of whatever numbers are there.
        if (text.Contains('/', StringComparison.Ordinal))
        {
            return "math.fractions";
        }

        for (var i = 1; i < text.Length - 1; i++)
        {
            if (text[i] == '.' && char.IsDigit(text[i - 1]) && char.IsDigit(text[i + 1]))
            {
                return "math.decimals";
            }
        }

        return "math.integer-operations";
    }

    /// <summary>Binary operations by precedence level; a minus after an operator or "(" is a sign, not subtraction.</summary>
    private static (int Additive, int Multiplicative, int Powers) Operations(string text)
    {
        var (additive, multiplicative, powers) = (0, 0, 0);
        var previous = '(';
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                continue;
            }

            var operand = char.IsLetterOrDigit(previous) || previous is ')' or '.';
            switch (c)
            {
                case '+' or '-' or '−' when operand:
                    additive++;
                    break;
                case '*' or '×' or '·' or '÷':
                    multiplicative++;
                    break;
                case '/' when operand:
                    // a fraction bar, not an operation of its own
                    break;
                case '^' or '√':
                    powers++;
                    break;
            }

            previous = c;
        }

        if (text.Contains("sqrt", StringComparison.OrdinalIgnoreCase))
        {
            powers++;
        }

        return (additive, multiplicative, powers);
    }
}

/// <summary>
/// Guards a classifier whose answers are not ours (a language model): a subject or skill outside
/// the catalogue is never stored; the built-in classifier answers instead.
/// </summary>
internal sealed class CatalogCheckedClassifier(IProblemClassifier inner, BuiltInClassifier fallback, SkillCatalog catalog) : IProblemClassifier
{
    public Classification Classify(string text, string? instruction)
    {
        Classification? answer;
        try
        {
            answer = inner.Classify(text, instruction);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            answer = null;
        }

        var valid = answer is not null
            && catalog.IsSubject(answer.Subject)
            && (answer.SkillId is null || catalog.Find(answer.SkillId)?.Subject == answer.Subject);
        return valid ? answer! : fallback.Classify(text, instruction);
    }
}
