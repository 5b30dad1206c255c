namespace StudyHub.Math.Tests;

public class InequalityTests
{
    private readonly MathEngine _engine = new();

    [Theory]
    [InlineData("x^2 - 2x - 8 < 0", "-2 < x < 4", "(-2, 4)")]
    [InlineData("x^2 - 2x - 8 >= 0", "x ≤ -2 or x ≥ 4", "(-∞, -2] ∪ [4, ∞)")]
    [InlineData("-x^2 + 4 > 0", "-2 < x < 2", "(-2, 2)")]
    [InlineData("x^2 > 4x", "x < 0 or x > 4", "(-∞, 0) ∪ (4, ∞)")]
    [InlineData("2x^2 + x - 1 <= 0", "-1 ≤ x ≤ 1/2", "[-1, 1/2]")]
    [InlineData("(x-3)^2 > 0", "x ≠ 3", "(-∞, 3) ∪ (3, ∞)")]
    [InlineData("(x-3)^2 <= 0", "x = 3", "{3}")]
    [InlineData("x^2 + 1 >= 0", "all real x", "(-∞, ∞)")]
    public void Quadratic_inequalities_are_solved_as_sets(string problem, string answer, string notation)
    {
        var result = _engine.Solve(problem);
        Assert.Equal(ProblemKind.QuadraticInequality, result.Kind);
        Assert.Equal(answer, result.Answer);
        Assert.Equal(notation, result.ExactAnswers[^1]);
    }

    [Fact]
    public void No_real_roots_below_zero_has_no_solution()
    {
        var result = _engine.Solve("x^2 + 1 < 0");
        Assert.Equal("no solution", result.Answer);
        Assert.Contains(result.Steps, s => s.Kind == StepKind.Discriminant);
    }

    [Fact]
    public void A_negative_leading_coefficient_flips_the_sign_as_a_structured_step()
    {
        var result = _engine.Solve("-x^2 + 4 > 0");
        var flip = Assert.Single(result.Steps, s => s.Kind == StepKind.FlipInequality);
        Assert.Equal("-1", flip.Operand);
        Assert.Contains(result.Steps, s => s.Kind == StepKind.SignAnalysis);
        Assert.Equal(StepKind.IntervalNotation, result.Steps[^1].Kind);
    }

    [Fact]
    public void Linear_inequality_steps_carry_their_kinds()
    {
        var result = _engine.Solve("-2x + 1 > 7");
        Assert.Equal(
            [StepKind.SubtractBothSides, StepKind.FlipInequality, StepKind.IntervalNotation],
            result.Steps.Select(s => s.Kind));
        Assert.Equal("1", result.Steps[0].Operand);
        Assert.Equal("-2", result.Steps[1].Operand);
    }

    [Theory]
    [InlineData("x^2 - 2 > 0", "x < -√2 or x > √2", "(-∞, -√2) ∪ (√2, ∞)", "x < -1.414214 or x > 1.414214")]
    [InlineData("x^2 < 2", "-√2 < x < √2", "(-√2, √2)", "-1.414214 < x < 1.414214")]
    [InlineData("x^2 - 5x + 3 <= 0", "(5 - √13)/2 ≤ x ≤ (5 + √13)/2", "[(5 - √13)/2, (5 + √13)/2]", "0.697224 ≤ x ≤ 4.302776")]
    [InlineData("-x^2 + 2x + 1 < 0", "x < 1 - √2 or x > 1 + √2", "(-∞, 1 - √2) ∪ (1 + √2, ∞)", "x < -0.414214 or x > 2.414214")]
    public void Irrational_critical_values_stay_exact_with_decimals_alongside(string problem, string answer, string notation, string approximately)
    {
        var result = _engine.Solve(problem);

        Assert.Equal(ProblemKind.QuadraticInequality, result.Kind);
        Assert.Equal([answer, notation], result.ExactAnswers);
        Assert.Equal([approximately], result.DecimalAnswers);
        var formula = Assert.Single(result.Steps, s => s.Kind == StepKind.QuadraticFormula);
        Assert.Equal(3, formula.Operands.Count);
    }

    [Theory]
    [InlineData("x^2 - 2 > 0", "x < -√2 or x > √2", true)]
    [InlineData("x^2 - 2 > 0", "x > sqrt(2) or x < -sqrt(2)", true)]
    [InlineData("x^2 - 2 > 0", "(-∞, -√2) ∪ (√2, ∞)", true)]
    [InlineData("x^2 - 2 > 0", "-√2 < x < √2", false)]
    [InlineData("x^2 - 2 > 0", "x < -1.41 or x > 1.41", false)]
    [InlineData("x^2 - 2 > 0", "x ≤ -√2 or x ≥ √2", false)]
    public void Answers_with_radical_ends_are_compared_exactly(string problem, string answer, bool correct)
    {
        Assert.Equal(correct, _engine.Check(problem, answer).CountsAsCorrect);
    }

    [Fact]
    public void The_wrong_region_with_radical_ends_is_named()
    {
        var check = _engine.Check("x^2 - 2 > 0", "-√2 < x < √2");

        Assert.Equal(Misconception.WrongSideOfCriticalValues, check.Misconception);
    }

    [Theory]
    [InlineData("x^2 - 2x - 8 < 0", "(-2, 4)")]
    [InlineData("x^2 - 2x - 8 < 0", "4 > x > -2")]
    [InlineData("x^2 - 2x - 8 < 0", "x > -2 and x < 4")]
    [InlineData("x^2 - 2x - 8 >= 0", "(-inf, -2] U [4, inf)")]
    [InlineData("x^2 - 2x - 8 >= 0", "x >= 4 or x <= -2")]
    [InlineData("(x-3)^2 > 0", "x < 3 or x > 3")]
    [InlineData("(x-3)^2 <= 0", "{3}")]
    [InlineData("x^2 + 1 < 0", "no solution")]
    [InlineData("x^2 + 1 >= 0", "all real numbers")]
    [InlineData("3x − 4 > 11", "x > 5")]
    [InlineData("3x − 4 > 11", "5 < x")]
    [InlineData("3x − 4 > 11", "(5, ∞)")]
    [InlineData("3x − 4 > 11", "x > 4 + 1")]
    [InlineData("x + 1 > x", "all real numbers")]
    public void Equivalent_forms_of_a_solution_set_are_correct(string problem, string answer)
    {
        var result = _engine.Check(problem, answer);
        Assert.True(result.Outcome == CheckOutcome.Correct, $"{result.Outcome} {result.Reason}: {result.Message}");
    }

    [Theory]
    [InlineData("x^2 - 2x - 8 < 0", "[-2, 4]", IncorrectReason.WrongInequality)]
    [InlineData("x^2 - 2x - 8 < 0", "x < -2 or x > 4", IncorrectReason.WrongInequality)]
    [InlineData("x^2 - 2x - 8 >= 0", "x ≤ -4 or x ≥ 2", IncorrectReason.SignError)]
    [InlineData("x^2 - 2x - 8 >= 0", "x ≤ -2", IncorrectReason.WrongValue)]
    [InlineData("x^2 + 1 < 0", "all real numbers", IncorrectReason.WrongValue)]
    [InlineData("3x − 4 > 11", "x > 6", IncorrectReason.WrongValue)]
    [InlineData("3x − 4 > 11", "5", IncorrectReason.Unreadable)]
    public void Wrong_sets_are_named(string problem, string answer, IncorrectReason reason)
    {
        var result = _engine.Check(problem, answer);
        Assert.Equal(CheckOutcome.Incorrect, result.Outcome);
        Assert.Equal(reason, result.Reason);
    }
}
