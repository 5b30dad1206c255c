namespace StudyHub.Math.Tests;

public class AbsoluteValueTests
{
    private readonly MathEngine _engine = new();

    [Theory]
    [InlineData("|2x-1| = 5", "x = -2 or x = 3")]
    [InlineData("2|x - 3| + 1 = 9", "x = -1 or x = 7")]
    [InlineData("5 = |3 - x|", "x = -2 or x = 8")]
    [InlineData("solve |x/2 + 1| = 3", "x = -8 or x = 4")]
    [InlineData("|x+2| = 0", "x = -2")]
    [InlineData("|2x - 1| = x + 4", "x = -1 or x = 5")]
    [InlineData("|2x-1| = -3", "no solution")]
    public void Absolute_value_equations_are_solved_by_cases(string problem, string answer)
    {
        var result = _engine.Solve(problem);
        Assert.Equal(ProblemKind.AbsoluteValueEquation, result.Kind);
        Assert.Equal(answer, result.Answer);
    }

    [Fact]
    public void The_two_cases_are_a_structured_split()
    {
        var steps = _engine.Solve("|2x-1| = 5").Steps;
        Assert.Equal(StepKind.IsolateTerm, steps[0].Kind);
        var split = Assert.Single(steps, s => s.Kind == StepKind.CaseSplit);
        Assert.Equal("2x - 1 = 5 or 2x - 1 = -5", split.Expression);
        Assert.Equal("2x - 1", split.Operand);
    }

    [Fact]
    public void A_negative_right_side_is_refused_as_a_case_with_no_solution()
    {
        var result = _engine.Solve("|2x-1| = -3");
        Assert.Equal(StepKind.RejectCase, result.Steps[^1].Kind);
        Assert.Empty(result.DecimalAnswers);
    }

    [Fact]
    public void A_candidate_that_makes_the_right_side_negative_is_rejected()
    {
        var result = _engine.Solve("|x - 1| = 2x + 5");
        Assert.Equal("x = -4/3", result.Answer);
        var rejected = Assert.Single(result.Steps, s => s.Kind == StepKind.RejectCase);
        Assert.Equal("-6", rejected.Operand);
    }

    [Theory]
    [InlineData("|x| = x")]
    [InlineData("|x| + |x - 1| = 3")]
    [InlineData("|x^2| = 4")]
    public void Shapes_outside_the_method_are_refused(string problem)
    {
        var e = Assert.Throws<MathEngineException>(() => _engine.Solve(problem));
        Assert.Equal(ErrorCodes.Unsupported, e.Code);
    }

    [Theory]
    [InlineData("|2x-1| = 5", "3, -2", CheckOutcome.Correct)]
    [InlineData("|2x-1| = 5", "x = 3", CheckOutcome.Incorrect)]
    [InlineData("|2x-1| = -3", "no solution", CheckOutcome.Correct)]
    [InlineData("|x - 1| = 2x + 5", "x = -4/3 or x = -6", CheckOutcome.Incorrect)]
    public void Answers_are_checked_as_root_sets(string problem, string answer, CheckOutcome outcome) =>
        Assert.Equal(outcome, _engine.Check(problem, answer).Outcome);
}
