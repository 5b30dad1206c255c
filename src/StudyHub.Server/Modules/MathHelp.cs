using StudyHub.Kernel.Learning;
using StudyHub.Kernel.Skills;
using StudyHub.Kernel.Users;
using StudyHub.Kernel.Validation;
using StudyHub.Math;

namespace StudyHub.Server.Modules;

/// <summary>
/// The math help a student gets, shared by the HTTP API (<see cref="MathApi"/>) and the Math help
/// page: each call validates its input at the edge (400 with the field) and then asks the engine,
/// whose refusals stay <see cref="MathEngineException"/> for the caller to show in its own way.
/// </summary>
internal sealed class MathHelp(MathEngine engine, IConsentGate consent, ICurrentUser currentUser, IMathSkills skills, IWorkedSolutions workedSolutions)
{
    public const int MaxVariants = 20;
    public const int MaxDistractors = 10;

    public MathEngine Engine => engine;

    /// <summary>The math engine counts as an AI feature: students under 13 need a parent's consent first (403 otherwise).</summary>
    public Task EnsureMayUseAsync(CancellationToken cancellationToken) => consent.EnsureMayUseRestrictedFeaturesAsync(cancellationToken);

    public SolveResult Solve(string? problem)
    {
        RequireProblem(problem).ThrowIfAny();
        return engine.Solve(problem!);
    }

    /// <summary>
    /// Checks an answer; the worked solution comes back only when <paramref name="showSolution"/> is
    /// asked for, so a student who is still trying never sees the expected answer.
    /// </summary>
    public async Task<CheckResponse> CheckAsync(string? problem, string? answer, bool showSolution, CancellationToken cancellationToken)
    {
        RequireProblem(problem).RequireText("answer", answer, engine.Limits.MaxInputLength).ThrowIfAny();
        var check = engine.Check(problem!, answer!);
        var solution = showSolution ? await ShowSolutionAsync(problem!, cancellationToken) : null;
        return new CheckResponse(check.Outcome, check.Reason, check.Message, check.CountsAsCorrect, check.Misconception, check.StudentAnswer, solution);
    }

    /// <summary>
    /// The worked solution a student asks to see: for mastery it counts as every hint used (the
    /// problem is not known yet), recorded once per problem in the learning-event log.
    /// </summary>
    public async Task<SolveResult> ShowSolutionAsync(string? problem, CancellationToken cancellationToken)
    {
        RequireProblem(problem).ThrowIfAny();
        var solution = engine.Solve(problem!);
        if (currentUser.Role == Role.Student && currentUser.UserId is { } studentId && skills.SkillOf(problem!) is { } skill)
        {
            await workedSolutions.RecordShownAsync(studentId, skill, solution.Problem, cancellationToken);
        }

        return solution;
    }

    public HintResult Hint(string? problem, int? level)
    {
        var errors = RequireProblem(problem);
        if (level is not (>= 1 and <= 4))
        {
            errors.Add("level", "must be 1 (the idea), 2 (the first step), 3 (the operation) or 4 (what to review).");
        }

        errors.ThrowIfAny();
        return engine.Hint(problem!, level!.Value);
    }

    public IReadOnlyList<Variant> Variants(string? problem, int? count, int? seed) =>
        engine.Variants(problem!, RequireProblemAndCount(problem, count, MaxVariants), seed);

    public IReadOnlyList<Distractor> Distractors(string? problem, int? count) =>
        engine.Distractors(problem!, RequireProblemAndCount(problem, count, MaxDistractors));

    public ErrorSolution ErrorSolution(string? problem, int? seed)
    {
        RequireProblem(problem).ThrowIfAny();
        return engine.ErrorSolution(problem!, seed);
    }

    private FieldErrors RequireProblem(string? problem) => new FieldErrors().RequireText("problem", problem, engine.Limits.MaxInputLength);

    /// <summary>Validates the problem and a count (default 3); returns the count.</summary>
    private int RequireProblemAndCount(string? problem, int? count, int max)
    {
        var errors = RequireProblem(problem);
        if (count is { } asked && (asked < 1 || asked > max))
        {
            errors.Add("count", $"must be between 1 and {max}.");
        }

        errors.ThrowIfAny();
        return count ?? 3;
    }
}
