namespace StudyHub.Math.Tests;

/// <summary>Logarithm equations that need log a + log b = log(ab), log a - log b = log(a/b) and n·log a = log(a^n), with the domain check.</summary>
public class LogarithmLawTests
{
    private readonly MathEngine _engine = new();

    [Theory]
    [InlineData("log(x) + log(x-3) = 1", "x = 5")]
    [InlineData("log_2(x) + log_2(x - 2) = 3", "x = 4")]
    [InlineData("log(x + 9) - log(x) = 1", "x = 1")]
    [InlineData("2log(x) = 2", "x = 10")]
    [InlineData("log_3(x) + log_3(x + 6) = 3", "x = 3")]
    [InlineData("ln(x) + ln(x - 1) = 0", "x = (1 + √5)/2")]
    [InlineData("log(x) + log(x + 3) = 1", "x = 2")]
    [InlineData("log_2(x + 1) - log_2(x - 1) = 1", "x = 3")]
    public void The_laws_combine_the_logarithms_and_the_domain_drops_extraneous_roots(string problem, string answer)
    {
        var result = _engine.Solve(problem);

        Assert.Equal(ProblemKind.LogarithmicEquation, result.Kind);
        Assert.Equal(answer, result.Answer);
    }

    [Fact]
    public void The_rejected_root_is_shown_with_its_reason()
    {
        var result = _engine.Solve("log(x) + log(x-3) = 1");

        Assert.Equal(StepKind.CombineLogarithms, result.Steps[0].Kind);
        Assert.Equal("log(x(x - 3)) = 1", result.Steps[0].Expression);
        Assert.Equal("x(x - 3) = 10", result.Steps[1].Expression);
        Assert.Equal("x^2 - 3x - 10 = 0", result.Steps[2].Expression);
        var rejected = Assert.Single(result.Steps, s => s.Kind == StepKind.RejectCase);
        Assert.Equal("-2", rejected.Operand);
        Assert.Contains(result.Notes, n => n.Contains("x = -2", StringComparison.Ordinal));
    }

    [Fact]
    public void No_candidate_in_the_domain_is_no_solution()
    {
        // x/(x + 1) = 10 gives x = -10/9, where log(x) is undefined.
        var result = _engine.Solve("log(x) - log(x + 1) = 1");

        Assert.Equal("no solution", result.Answer);
    }

    [Fact]
    public void Keeping_the_extraneous_root_is_named()
    {
        var check = _engine.Check("log(x) + log(x-3) = 1", "x = 5 or x = -2");

        Assert.False(check.CountsAsCorrect);
        Assert.Equal(Misconception.KeptExtraneousRoot, check.Misconception);
    }

    [Fact]
    public void Distractors_and_hints_follow_the_laws()
    {
        var distractors = _engine.Distractors("log(x) + log(x-3) = 1", 4);
        var hint = _engine.Hint("log(x) + log(x-3) = 1", 3);

        Assert.Contains(distractors, d => d.Misconception == Misconception.KeptExtraneousRoot);
        Assert.Contains("log(ab)", hint.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("5", hint.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("log(x) + ln(x) = 1")]
    [InlineData("log(x) + log(x-3) = 1.5")]
    [InlineData("ln(x) + ln(x - 1) = 2")]
    public void Mixed_bases_and_irrational_powers_are_refused(string problem)
    {
        var error = Assert.Throws<MathEngineException>(() => _engine.Solve(problem));
        Assert.Equal(ErrorCodes.Unsupported, error.Code);
    }
}
