namespace StudyHub.Math.Tests;

/// <summary>Hints and distractors for the kinds added in issue #7: built from the solver's step kinds, never correct, never leaking.</summary>
public class NewKindsTeachingTests
{
    private readonly MathEngine _engine = new();

    [Theory]
    [InlineData("x^2 - 2x - 8 < 0", Misconception.WrongSideOfCriticalValues, "x < -2 or x > 4")]
    [InlineData("x^2 - 2x - 8 < 0", Misconception.GaveCriticalValuesOnly, "x = -2 or x = 4")]
    [InlineData("x^2 - 2x - 8 >= 0", Misconception.WrongBoundary, "x < -2 or x > 4")]
    [InlineData("|2x-1| = 5", Misconception.OnlyPositiveCase, "x = 3")]
    [InlineData("|2x-1| = -3", Misconception.IgnoredNegativeAbsoluteValue, "x = -1 or x = 2")]
    [InlineData("2^x = 8", Misconception.MultipliedInsteadOfPower, "x = 4")]
    [InlineData("log_2(x) = 3", Misconception.MultipliedInsteadOfPower, "x = 6")]
    [InlineData("log_2(x) = 3", Misconception.SwappedValues, "x = 9")]
    public void Distractors_come_from_named_misconceptions(string problem, Misconception misconception, string answer)
    {
        var distractors = _engine.Distractors(problem, 6);
        Assert.Contains(distractors, d => d.Misconception == misconception && d.Answer == answer);
        Assert.All(distractors, d => Assert.False(_engine.Check(problem, d.Answer).CountsAsCorrect, d.Answer));
    }

    [Theory]
    [InlineData("x^2 - 2x - 8 < 0", "quadratic inequality")]
    [InlineData("|2x-1| = 5", "absolute value")]
    [InlineData("2^x = 8", "exponential")]
    [InlineData("log_2(x) = 3", "logarithm")]
    public void Conceptual_hints_name_the_method(string problem, string words) =>
        Assert.Contains(words, _engine.Hint(problem, 1).Text, StringComparison.OrdinalIgnoreCase);

    [Theory]
    [InlineData("|2x-1| = 5")]
    [InlineData("2^x = 8")]
    [InlineData("log_2(x) = 3")]
    [InlineData("e^x = 5")]
    [InlineData("x^2 - 2x - 8 < 0")]
    public void Specific_hints_do_not_give_the_answer(string problem)
    {
        var hint = _engine.Hint(problem, 3);
        var answer = _engine.Solve(problem).Answer;
        Assert.DoesNotContain(answer, hint.Text, StringComparison.Ordinal);
    }
}
