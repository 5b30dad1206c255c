namespace StudyHub.Math.Tests;

public class CheckTests
{
    private readonly MathEngine _engine = new();

    [Theory]
    [InlineData("3/4 + 5/6", "19/12")]
    [InlineData("3/4 + 5/6", "1 7/12")]
    [InlineData("1/4 + 1/4", "2/4")]
    [InlineData("1/4 + 1/4", "0.5")]
    [InlineData("1/3", "0.33")]
    [InlineData("1/3", "0.333")]
    [InlineData("x^2 - 5x + 6 = 0", "x = 2 or x = 3")]
    [InlineData("x^2 - 5x + 6 = 0", "{3, 2}")]
    [InlineData("x^2 - 5x + 6 = 0", "x=3, x=2")]
    [InlineData("x^2 - 5x + 3 = 0", "x = (5 ± √13)/2")]
    [InlineData("x^2 - 5x + 3 = 0", "4.30, 0.70")]
    [InlineData("2x+3=11", "4")]
    [InlineData("2x+3=11", "x = 4")]
    [InlineData("expand (x+1)^2", "x^2+2x+1")]
    [InlineData("simplify (x+1)^2", "x^2 + 2x + 1")]
    [InlineData("factor x^2 + 7x + 12", "(x+4)(x+3)")]
    [InlineData("3x − 4 ≤ 11", "x ≤ 5")]
    [InlineData("3x − 4 ≤ 11", "(-∞, 5]")]
    [InlineData("3x − 4 ≤ 11", "5 >= x")]
    [InlineData("x + y = 10, x - y = 2", "x = 6, y = 4")]
    [InlineData("x + y = 10, x - y = 2", "(6, 4)")]
    [InlineData("solve for y: 2x + 3y = 12", "y = 4 - 2x/3")]
    [InlineData("d/dx (3x^2 + 2x)", "2 + 6x")]
    [InlineData("d/dx sin(x^2)", "2x cos(x^2)")]
    [InlineData("simplify (x^2-1)/(x-1)", "1 + x")]
    [InlineData("x^2 + x + 1 = 0", "x = (-1 ± i√3)/2")]
    [InlineData("x + 1 = x + 1", "all real numbers")]
    [InlineData("x + 1 = x + 2", "no solution")]
    public void Correct_answers(string problem, string answer)
    {
        var result = _engine.Check(problem, answer);
        Assert.True(result.Outcome == CheckOutcome.Correct, $"{result.Outcome} {result.Reason}: {result.Message}");
    }

    [Theory]
    [InlineData("simplify 1/4 + 1/4", "2/4")]
    [InlineData("factor x^2 + 7x + 12", "x^2 + 7x + 12 + 0")]
    [InlineData("factor 2x^2 - 8", "2(x^2 - 4)")]
    [InlineData("expand (x+2)^2", "(x+2)(x+2)")]
    [InlineData("simplify (x^2-1)/(x-1)", "(x^2 + 2x + 1)/(x + 1)")]
    [InlineData("√12", "√4·√3")]
    public void Equivalent_but_not_in_requested_form(string problem, string answer)
    {
        var result = _engine.Check(problem, answer);
        Assert.Equal(CheckOutcome.EquivalentButNotInRequestedForm, result.Outcome);
        Assert.True(result.CountsAsCorrect);
        Assert.False(string.IsNullOrEmpty(result.Message));
    }

    [Theory]
    [InlineData("x^2 - 5x + 6 = 0", "x = 2", IncorrectReason.MissingSolution)]
    [InlineData("2x+3=11", "x = -4", IncorrectReason.SignError)]
    [InlineData("2x+3=11", "x = 5", IncorrectReason.WrongValue)]
    [InlineData("1/3", "0.3", IncorrectReason.NotPreciseEnough)]
    [InlineData("1/3 exact", "0.33", IncorrectReason.ExactAnswerRequired)]
    [InlineData("simplify (x^2-1)/(x-1)", "(x^2-1)/(x-1)", IncorrectReason.NotSimplified)]
    [InlineData("√12", "√12", IncorrectReason.NotSimplified)]
    [InlineData("-2x + 1 > 7", "x > -3", IncorrectReason.WrongInequality)]
    [InlineData("3x − 4 ≤ 11", "x < 5", IncorrectReason.WrongInequality)]
    [InlineData("3x − 4 ≤ 11", "x ≤ -5", IncorrectReason.SignError)]
    [InlineData("x^2 - 5x + 6 = 0", "x = 2, x = 3, x = 4", IncorrectReason.ExtraSolution)]
    [InlineData("x + y = 10, x - y = 2", "x = 6", IncorrectReason.MissingSolution)]
    [InlineData("expand (x+1)^2", "x^2 + 1", IncorrectReason.WrongValue)]
    [InlineData("2x+3=11", "x = (4", IncorrectReason.Unreadable)]
    public void Incorrect_answers_with_reason(string problem, string answer, IncorrectReason reason)
    {
        var result = _engine.Check(problem, answer);
        Assert.Equal(CheckOutcome.Incorrect, result.Outcome);
        Assert.Equal(reason, result.Reason);
    }

    [Fact]
    public void Unreadable_answer_says_where()
    {
        var result = _engine.Check("2x+3=11", "x = (4");
        Assert.Contains("position 7", result.Message, StringComparison.Ordinal);
    }
}
