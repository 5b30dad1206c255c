using StudyHub.Math.Checking;
using StudyHub.Math.Reading;
using StudyHub.Math.Solving;
using StudyHub.Math.Teaching;

namespace StudyHub.Math;

/// <summary>
/// The engine's public entry point. Stateless and thread-safe: each call opens its own work budget.
/// Only <see cref="MathEngineException"/> leaves these methods.
/// </summary>
public sealed class MathEngine
{
    public MathEngine(EngineLimits? limits = null) => Limits = limits ?? EngineLimits.Default;

    public EngineLimits Limits { get; }

    public SolveResult Solve(string problem) => Guard(() => ToResult(SolveProblem(problem)));

    public CheckResult Check(string problem, string studentAnswer) => Guard(() =>
    {
        var solution = SolveProblem(problem);
        var verdict = AnswerChecker.Check(solution, studentAnswer ?? string.Empty);
        if (verdict.Outcome != CheckOutcome.Incorrect || verdict.Reason == IncorrectReason.Unreadable
            || MisconceptionFinder.Find(solution, studentAnswer ?? string.Empty) is not { } named)
        {
            return verdict;
        }

        return verdict with { Misconception = named.Misconception, Message = $"{verdict.Message} {named.Explanation}".Trim() };
    });

    /// <summary>Reads and classifies a problem without solving it (for hosts that only route by kind).</summary>
    public ProblemKind Classify(string problem) => Guard(() => ProblemClassifier.Classify(ProblemReader.Read(problem)).Kind);

    /// <summary>A hint at level 1 (conceptual), 2 (directional), 3 (specific) or 4 (review); never contains the answer.</summary>
    public HintResult Hint(string problem, int level) => Guard(() =>
    {
        if (level is < 1 or > 4)
        {
            throw new MathEngineException(ErrorCodes.OutOfRange, "The hint level must be 1, 2, 3 or 4.");
        }

        return HintLadder.Hint(SolveProblem(problem), (HintStage)level);
    });

    /// <summary>New problems of the same kind and difficulty with clean answers; the same seed gives the same variants.</summary>
    public IReadOnlyList<Variant> Variants(string problem, int count, int? seed = null) => Guard(() =>
    {
        if (count is < 1 or > 20)
        {
            throw new MathEngineException(ErrorCodes.OutOfRange, "Ask for between 1 and 20 variants.");
        }

        var original = SolveProblem(problem);
        return VariantGenerator.Generate(original, count, seed ?? VariantGenerator.StableSeed(original.Problem.Normalized));
    });

    /// <summary>Wrong answers that real misconceptions produce, for multiple choice; at most <paramref name="count"/>.</summary>
    public IReadOnlyList<Distractor> Distractors(string problem, int count) => Guard(() =>
    {
        if (count is < 1 or > 20)
        {
            throw new MathEngineException(ErrorCodes.OutOfRange, "Ask for between 1 and 20 distractors.");
        }

        return DistractorGenerator.Generate(SolveProblem(problem), count);
    });

    /// <summary>A worked solution with exactly one wrong step, for "identify the error" exercises.</summary>
    public ErrorSolution ErrorSolution(string problem, int? seed = null) => Guard(() =>
    {
        var original = SolveProblem(problem);
        return ErrorSolutionGenerator.Generate(original, seed ?? VariantGenerator.StableSeed(original.Problem.Normalized));
    });

    /// <summary>Internal entry for code built on top of the engine (hints, variants): the structured solution.</summary>
    internal Solution SolveToSolution(string problem) => Guard(() => SolveProblem(problem));

    internal static Solution SolveProblem(string problem)
    {
        var parsed = ProblemClassifier.Classify(ProblemReader.Read(problem));
        return parsed.Kind switch
        {
            ProblemKind.Arithmetic => ExpressionSolver.Arithmetic(parsed),
            ProblemKind.Evaluate => ExpressionSolver.Evaluate(parsed),
            ProblemKind.Simplify => ExpressionSolver.Simplify(parsed),
            ProblemKind.Expand => ExpressionSolver.Expand(parsed),
            ProblemKind.Factor => ExpressionSolver.Factor(parsed),
            ProblemKind.LinearEquation or ProblemKind.LinearInequality => EquationSolver.SolveLinear(parsed),
            ProblemKind.QuadraticEquation or ProblemKind.PolynomialEquation => EquationSolver.SolvePolynomial(parsed),
            ProblemKind.QuadraticInequality => InequalitySolver.SolveQuadratic(parsed),
            ProblemKind.AbsoluteValueEquation or ProblemKind.AbsoluteValueInequality => AbsoluteValueSolver.Solve(parsed),
            ProblemKind.ExponentialEquation or ProblemKind.LogarithmicEquation => ExponentialSolver.Solve(parsed),
            ProblemKind.System => SystemSolver.SolveSystem(parsed),
            ProblemKind.SolveFor => SystemSolver.SolveFor(parsed),
            ProblemKind.Derivative => Differentiator.Solve(parsed),
            _ => throw new MathEngineException(ErrorCodes.Unsupported, "This kind of problem is not supported."),
        };
    }

    private static SolveResult ToResult(Solution solution) => new()
    {
        Kind = solution.Problem.Kind,
        Problem = solution.Problem.Normalized,
        Answer = solution.Answer,
        ExactAnswers = solution.ExactAnswers,
        DecimalAnswers = solution.DecimalAnswers,
        Steps = solution.Steps,
        Notes = solution.Notes,
    };

    private T Guard<T>(Func<T> action)
    {
        using var scope = WorkMeter.Begin(Limits);
        try
        {
            return action();
        }
        catch (MathEngineException)
        {
            throw;
        }
        catch (InsufficientExecutionStackException e)
        {
            throw new MathEngineException(ErrorCodes.Depth, "The expression is nested too deeply.", e);
        }
        catch (Exception e) when (e is OverflowException or OutOfMemoryException)
        {
            throw new MathEngineException(ErrorCodes.Exponent, "The numbers in this problem are too large.", e);
        }
        catch (Exception e)
        {
            // A bug, not the student's fault: keep the single-exception contract but make it visible (code "internal").
            throw new MathEngineException("The math engine failed on this input.", e);
        }
    }
}
