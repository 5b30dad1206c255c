namespace StudyHub.Math.Tests;

/// <summary>Answers written the way students write them are read by value; unreadable ones are refused clearly.</summary>
public class PermissiveAnswerTests
{
    private readonly MathEngine _engine = new();

    [Theory]
    [InlineData("2x+3=11", "x=4")]
    [InlineData("2x+3=11", "4")]
    [InlineData("2x+3=11", " 4 ")]
    [InlineData("2x+3=11", "x = 4.0")]
    [InlineData("2x+3=11", "8/2")]
    [InlineData("2x+3=11", "{4}")]
    [InlineData("2x+3=11", "x = 4.")]
    [InlineData("2x+3=11", "x = 4,0")]
    [InlineData("x^2-2x-8=0", "4, -2")]
    [InlineData("x^2-2x-8=0", "-2 and 4")]
    [InlineData("x^2-2x-8=0", "x = −2 or x = 4")]
    [InlineData("x^2-2x-8=0", "{4; −2}")]
    [InlineData("x+1=-2", "−3")]
    [InlineData("1/2 + 1/4", "0,75")]
    [InlineData("3 × 4", "6·2")]
    [InlineData("6 ÷ 3", "4 ÷ 2")]
    [InlineData("50% of 80", "40")]
    [InlineData("what percent of 80 is 40", "50%")]
    [InlineData("what percent of 80 is 40", "50")]
    [InlineData("40 is what percent of 80", "50 %")]
    [InlineData("40 is what percent of 80", "50 percent")]
    [InlineData("express 40 as a percentage of 80", "50%")]
    [InlineData("percentage change from 50 to 65", "30%")]
    [InlineData("1/2", "50%")]
    [InlineData("3x − 4 ≤ 11", "x=<5")]
    [InlineData("3x − 4 > 11", "x ∈ (5, ∞)")]
    [InlineData("3x − 4 > 11", "x in (5, inf)")]
    public void Equivalent_by_value(string problem, string answer)
    {
        var result = _engine.Check(problem, answer);
        Assert.True(result.Outcome == CheckOutcome.Correct, $"{result.Outcome} {result.Reason}: {result.Message}");
    }

    [Fact]
    public void A_decimal_for_a_percent_question_counts_but_is_not_the_form_asked_for()
    {
        var result = _engine.Check("what percent of 80 is 40", "0.5");
        Assert.Equal(CheckOutcome.EquivalentButNotInRequestedForm, result.Outcome);
        Assert.Contains("50%", result.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("what percent of 80 is 40", "40%", IncorrectReason.WrongValue)]
    [InlineData("what percent of 80 is 40", "5", IncorrectReason.WrongValue)]
    [InlineData("1/2", "1,5", IncorrectReason.WrongValue)]
    [InlineData("2x+3=11", "x = 4,5", IncorrectReason.WrongValue)]
    public void Wrong_values_stay_wrong(string problem, string answer, IncorrectReason reason)
    {
        var result = _engine.Check(problem, answer);
        Assert.Equal(CheckOutcome.Incorrect, result.Outcome);
        Assert.Equal(reason, result.Reason);
    }

    [Theory]
    [InlineData("2x+3=11", "x equals 4", "equals")]
    [InlineData("2x+3=11", "four", "four")]
    [InlineData("1/2", "1,500", "1,500")]
    [InlineData("2x+3=11", "hello", "hello")]
    public void Unreadable_answers_are_refused_naming_what_was_not_read(string problem, string answer, string named)
    {
        var result = _engine.Check(problem, answer);
        Assert.Equal(CheckOutcome.Incorrect, result.Outcome);
        Assert.Equal(IncorrectReason.Unreadable, result.Reason);
        Assert.Contains(named, result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_comma_is_a_list_when_several_values_are_expected()
    {
        // x^2 = 16 has two roots, so "4,-4" is the list, never the decimal 4.-4.
        Assert.Equal(CheckOutcome.Correct, _engine.Check("x^2 = 16", "4,-4").Outcome);
        Assert.Equal(IncorrectReason.WrongValue, _engine.Check("x^2 = 16", "4,0").Reason); // 4 and a wrong 0, not 4.0
    }
}
