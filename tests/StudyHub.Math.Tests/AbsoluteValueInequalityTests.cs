namespace StudyHub.Math.Tests;

/// <summary>|A| &lt; k and |A| &gt; k by the distance rule, with worked examples a teacher would set.</summary>
public class AbsoluteValueInequalityTests
{
    private readonly MathEngine _engine = new();

    [Theory]
    [InlineData("|x - 3| < 5", "-2 < x < 8", "(-2, 8)")]
    [InlineData("|2x+1| >= 7", "x ≤ -4 or x ≥ 3", "(-∞, -4] ∪ [3, ∞)")]
    [InlineData("solve |x| ≤ 4", "-4 ≤ x ≤ 4", "[-4, 4]")]
    [InlineData("|3 - x| > 2", "x < 1 or x > 5", "(-∞, 1) ∪ (5, ∞)")]
    [InlineData("2|x + 1| - 3 < 5", "-5 < x < 3", "(-5, 3)")]
    [InlineData("-|x| > -2", "-2 < x < 2", "(-2, 2)")]
    [InlineData("|x/2 - 1| <= 3", "-4 ≤ x ≤ 8", "[-4, 8]")]
    public void Inequalities_are_solved_by_the_distance_rule(string problem, string answer, string notation)
    {
        var result = _engine.Solve(problem);

        Assert.Equal(ProblemKind.AbsoluteValueInequality, result.Kind);
        Assert.Equal(answer, result.Answer);
        Assert.Equal([answer, notation], result.ExactAnswers);
    }

    [Theory]
    [InlineData("|x - 3| < -1", "no solution")]
    [InlineData("|x - 3| < 0", "no solution")]
    [InlineData("|x - 3| >= -2", "all real x")]
    [InlineData("|x - 3| >= 0", "all real x")]
    [InlineData("|x - 3| <= 0", "x = 3")]
    [InlineData("|x - 3| > 0", "x ≠ 3")]
    public void A_negative_or_zero_bound_is_answered_by_never_negative(string problem, string answer)
    {
        Assert.Equal(answer, _engine.Solve(problem).Answer);
    }

    [Fact]
    public void The_steps_are_structured_and_each_follows_from_the_last()
    {
        var steps = _engine.Solve("|2x+1| >= 7").Steps;

        Assert.Equal(
            [StepKind.IsolateTerm, StepKind.CaseSplit, StepKind.SubtractBothSides, StepKind.DivideBothSides, StepKind.IntervalNotation],
            steps.Select(s => s.Kind));
        Assert.Equal("2x + 1 ≤ -7 or 2x + 1 ≥ 7", steps[1].Expression);
        Assert.Equal("2x ≤ -8 or 2x ≥ 6", steps[2].Expression);
        Assert.Equal("x ≤ -4 or x ≥ 3", steps[3].Expression);
    }

    [Fact]
    public void Dividing_by_a_negative_number_flips_the_parts()
    {
        var result = _engine.Solve("|3 - x| > 2");

        Assert.Contains(result.Steps, s => s.Kind == StepKind.FlipInequality && s.Operand == "-1");
    }

    [Theory]
    [InlineData("|x - 3| < 5", "-2 < x < 8", true)]
    [InlineData("|x - 3| < 5", "(-2, 8)", true)]
    [InlineData("|x - 3| < 5", "x > -2 and x < 8", true)]
    [InlineData("|x - 3| < 5", "x < 8", false)]
    [InlineData("|x - 3| < 5", "x < -2 or x > 8", false)]
    [InlineData("|2x+1| >= 7", "x <= -4 or x >= 3", true)]
    [InlineData("|2x+1| >= 7", "x < -4 or x > 3", false)]
    public void Answers_are_compared_as_sets(string problem, string answer, bool correct)
    {
        Assert.Equal(correct, _engine.Check(problem, answer).CountsAsCorrect);
    }

    [Fact]
    public void Keeping_only_the_positive_case_is_named()
    {
        var check = _engine.Check("|x - 3| < 5", "x < 8");

        Assert.Equal(Misconception.OnlyPositiveCase, check.Misconception);
    }

    [Fact]
    public void Distractors_come_from_named_misconceptions_and_are_never_correct()
    {
        var distractors = _engine.Distractors("|2x+1| >= 7", 5);

        Assert.Contains(distractors, d => d.Misconception == Misconception.WrongSideOfCriticalValues);
        Assert.All(distractors, d => Assert.False(_engine.Check("|2x+1| >= 7", d.Answer).CountsAsCorrect));
    }

    [Fact]
    public void Hints_name_the_idea_and_never_the_answer()
    {
        var conceptual = _engine.Hint("|x - 3| < 5", 1);
        var specific = _engine.Hint("|x - 3| < 5", 3);

        Assert.Equal("Solving absolute value inequalities", conceptual.Skill);
        Assert.Contains("distance", conceptual.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("8", specific.Text, StringComparison.Ordinal);
        Assert.False(specific.IsFallback);
    }

    [Theory]
    [InlineData("|x - 3| < x")]
    [InlineData("|x^2 - 3| < 5")]
    [InlineData("|x| + |x - 1| < 5")]
    public void Forms_outside_the_method_are_refused(string problem)
    {
        var error = Assert.Throws<MathEngineException>(() => _engine.Solve(problem));
        Assert.Equal(ErrorCodes.Unsupported, error.Code);
    }
}
