namespace StudyHub.Math.Tests;

/// <summary>A wrong answer teaches: the checker names the misconception from the distractor catalogue.</summary>
public class MistakeTests
{
    private readonly MathEngine _engine = new();

    [Theory]
    [InlineData("2x + 3 = 11", "x = 7", Misconception.SignErrorMovingTerm)]
    [InlineData("1/2 + 1/3", "2/5", Misconception.AddedNumeratorsAndDenominators)]
    [InlineData("x^2 = 9", "x = 3", Misconception.DroppedNegativeRoot)]
    [InlineData("expand 2(x + 3)", "2x + 3", Misconception.DistributedToFirstTermOnly)]
    public void A_wrong_answer_names_the_misconception_that_produces_it(string problem, string answer, Misconception misconception)
    {
        var result = _engine.Check(problem, answer);

        Assert.Equal(CheckOutcome.Incorrect, result.Outcome);
        Assert.Equal(misconception, result.Misconception);
        Assert.False(string.IsNullOrWhiteSpace(result.Message));
    }

    [Fact]
    public void A_wrong_answer_no_misconception_explains_names_none()
    {
        var result = _engine.Check("2x + 3 = 11", "x = 100");

        Assert.Equal(CheckOutcome.Incorrect, result.Outcome);
        Assert.Null(result.Misconception);
    }

    [Theory]
    [InlineData("expand (x+7)^3", "(x+7)^3")]
    [InlineData("simplify (x^2-1)/(x-1)", "(x^2-1)/(x-1)")]
    [InlineData("factor x^2 + 7x + 12", "x^2 + 7x + 12")]
    public void Echoing_the_problem_back_is_not_correct(string problem, string answer) =>
        Assert.False(_engine.Check(problem, answer).CountsAsCorrect);
}
