namespace StudyHub.Math.Tests;

/// <summary>
/// The engine answers only what it read completely; every other word is refused, never turned
/// into a product of single-letter variables (issue #7: "60 is what percent of 80" → "4800ace^2hinprst^2w").
/// </summary>
public class HonestyTests
{
    private readonly MathEngine _engine = new();

    [Theory]
    [InlineData("integrate x^2 dx")]
    [InlineData("find the limit of 1/x")]
    [InlineData("the cat sat on the mat")]
    [InlineData("x + cat = 3")]
    [InlineData("sec(x) = 2")]
    [InlineData("解方程 2x+3=11")]
    [InlineData("résoudre 2x + 3 = 11")]
    [InlineData("2x + 3 = 11 🙂")]
    [InlineData("simplify abc + 1")]
    public void Words_it_does_not_know_are_refused_not_multiplied(string problem)
    {
        var error = Assert.Throws<MathEngineException>(() => _engine.Solve(problem));
        Assert.Contains(error.Code, new[] { ErrorCodes.NotUnderstood, ErrorCodes.Unsupported, ErrorCodes.UnknownSymbol });
        Assert.NotNull(error.Position);
    }

    [Fact]
    public void A_refusal_names_the_word_its_position_and_a_suggestion()
    {
        var error = Assert.Throws<MathEngineException>(() => _engine.Solve("2x + 3 = 11 then slove"));
        Assert.Equal(ErrorCodes.NotUnderstood, error.Code);
        Assert.Equal("then", error.Word);
        Assert.Equal(13, error.Position);

        var typo = Assert.Throws<MathEngineException>(() => _engine.Solve("simplfy (x^2-1)/(x-1)"));
        Assert.Equal("simplfy", typo.Word);
        Assert.Equal("simplify", typo.Suggestion);
        Assert.Contains("Did you mean 'simplify'?", typo.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Something_recognised_but_not_done_is_unsupported_and_says_what_it_recognised()
    {
        var error = Assert.Throws<MathEngineException>(() => _engine.Solve("integrate x^2 dx"));
        Assert.Equal(ErrorCodes.Unsupported, error.Code);
        Assert.Equal("integrate", error.Word);
        Assert.Contains("integration", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("factor 6x^2y + 9xy^2", "3xy(2x + 3y)")]        // x, y, z products are a shared convention
    [InlineData("expand (a+b)^2", "a^2 + 2ab + b^2")]          // a and b stand alone elsewhere in the problem
    [InlineData("solve for t: 3t + 4 = v", "t = (v - 4)/3")]   // declared by "solve for t"
    [InlineData("d/dx sinx", "cos(x)")]                         // a function name followed by a variable
    public void Letter_runs_split_only_into_variables_the_problem_uses(string problem, string answer)
    {
        Assert.Equal(answer, _engine.Solve(problem).Answer);
    }

    [Fact]
    public void Letters_the_problem_does_not_use_are_not_guessed_out_of_a_run()
    {
        // "ab" where neither a nor b appears alone: refused rather than read as a·b.
        var error = Assert.Throws<MathEngineException>(() => _engine.Solve("simplify ab + 2ab"));
        Assert.Equal(ErrorCodes.NotUnderstood, error.Code);
        Assert.Equal("ab", error.Word);

        Assert.Equal("3ab", _engine.Solve("simplify 2ab + a·b").Answer);
    }
}
