using StudyHub.Math.Numbers;
using StudyHub.Math.Syntax;

namespace StudyHub.Math.Tests;

public class ParserTests
{
    [Theory]
    [InlineData("2x", "2x")]
    [InlineData("3(x+1)", "3(x + 1)")]
    [InlineData("(x+1)(x-1)", "(x + 1)(x - 1)")]
    [InlineData("1/2x", "(1/2)x")]
    [InlineData("x2", "x2")]
    [InlineData("2 × 3 ÷ 4 − 1", "2·3/4 - 1")]
    [InlineData("x² + x³", "x^2 + x^3")]
    [InlineData("\\frac{x}{2} \\cdot 3", "(x/2)·3")]
    [InlineData("\\sqrt{x+1}", "√(x + 1)")]
    [InlineData("x^{10}", "x^10")]
    [InlineData("\\left(x\\right)^2", "x^2")]
    [InlineData("2 1/2", "2 1/2")]
    [InlineData("2½", "2 1/2")]
    public void Reads_student_notation(string input, string printed) =>
        Assert.Equal(printed, Parser.ParseExpression(input).ToString());

    [Theory]
    [InlineData("1/2x", 2, "1")]
    [InlineData("2 1/2", null, "5/2")]
    [InlineData("0.1", null, "1/10")]
    [InlineData("15% of 80", null, "12")]
    [InlineData("2^-2", null, "1/4")]
    [InlineData("-3^2", null, "-9")]
    [InlineData("2^3^2", null, "512")]
    [InlineData("8^(2/3)", null, "4")]
    public void Applies_reading_conventions(string input, int? x, string value)
    {
        var expression = Parser.ParseExpression(input);
        if (x is { } v)
        {
            expression = Solving.ExpressionSolver.Substitute(expression, new Dictionary<string, Rational> { ["x"] = v });
        }

        Assert.Equal(value, Algebra.AlgebraicReader.Evaluate(expression).ToString());
    }

    [Theory]
    [InlineData("(2+3*4", ErrorCodes.UnexpectedEnd, 7)]
    [InlineData("2+*3", ErrorCodes.UnexpectedToken, 3)]
    [InlineData("2 + $", ErrorCodes.UnknownSymbol, 5)]
    [InlineData("\\foo{2}", ErrorCodes.Unsupported, 1)]
    public void Errors_say_where(string input, string code, int position)
    {
        var error = Assert.Throws<MathEngineException>(() => Parser.ParseExpression(input));
        Assert.Equal(code, error.Code);
        Assert.Equal(position, error.Position);
        Assert.Contains($"position {position}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Expected_close_paren_message()
    {
        var error = Assert.Throws<MathEngineException>(() => new MathEngine().Solve("(2+3*4"));
        Assert.Equal("Expected ')' at position 7 but the input ended.", error.Message);
    }

    [Fact]
    public void Rationals_are_exact()
    {
        Assert.Equal(new Rational(3, 10), Rational.ParseDecimal("0.1") + Rational.ParseDecimal("0.2"));
        Assert.Equal("0.333333", new Rational(1, 3).ToDecimalString());
        Assert.Equal("-2.5", new Rational(-5, 2).ToDecimalString());
        Assert.Equal(new Rational(1, 3), new Rational(2, 6));
        Assert.True(new Rational(-1, 2) < Rational.Zero);
    }

    [Theory]
    [InlineData("√12", "2√3")]
    [InlineData("√(8/9)", "2√2/3")]
    [InlineData("√2·√3", "√6")]
    [InlineData("1/(1+√2)", "-1 + √2")]
    [InlineData("(√3)^2", "3")]
    [InlineData("√50 + √8", "7√2")]
    public void Radicals_in_simplest_form(string input, string expected) =>
        Assert.Equal(expected, Algebra.AlgebraicReader.Evaluate(Parser.ParseExpression(input)).ToString());
}
