using StudyHub.Math.Checking;
using StudyHub.Math.Solving;

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
        return AnswerChecker.Check(solution, studentAnswer ?? string.Empty);
    });

    /// <summary>Reads and classifies a problem without solving it (for hosts that only route by kind).</summary>
    public ProblemKind Classify(string problem) => Guard(() => ProblemReader.Read(problem).Kind);

    /// <summary>Internal entry for code built on top of the engine (hints, variants): the structured solution.</summary>
    internal Solution SolveToSolution(string problem) => Guard(() => SolveProblem(problem));

    internal static Solution SolveProblem(string problem)
    {
        var parsed = ProblemReader.Read(problem);
        return parsed.Kind switch
        {
            ProblemKind.Arithmetic => ExpressionSolver.Arithmetic(parsed),
            ProblemKind.Evaluate => ExpressionSolver.Evaluate(parsed),
            ProblemKind.Simplify => ExpressionSolver.Simplify(parsed),
            ProblemKind.Expand => ExpressionSolver.Expand(parsed),
            ProblemKind.Factor => ExpressionSolver.Factor(parsed),
            ProblemKind.LinearEquation or ProblemKind.LinearInequality => EquationSolver.SolveLinear(parsed),
            ProblemKind.QuadraticEquation or ProblemKind.PolynomialEquation => EquationSolver.SolvePolynomial(parsed),
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
