namespace StudyHub.Math.Tests;

public class SolveTests
{
    private readonly MathEngine _engine = new();

    [Theory]
    [InlineData("2x+3=11", ProblemKind.LinearEquation, "x = 4")]
    [InlineData("solve 2(x-3) = 4x + 1", ProblemKind.LinearEquation, "x = -7/2")]
    [InlineData("x^2 - 5x + 6 = 0", ProblemKind.QuadraticEquation, "x = 2 or x = 3")]
    [InlineData("x^2 - 5x + 3 = 0", ProblemKind.QuadraticEquation, "x = (5 ± √13)/2")]
    [InlineData("x^2 + x + 1 = 0", ProblemKind.QuadraticEquation, "x = (-1 ± i√3)/2")]
    [InlineData("x^2 = 9", ProblemKind.QuadraticEquation, "x = -3 or x = 3")]
    [InlineData("x^3 - 6x^2 + 11x - 6 = 0", ProblemKind.PolynomialEquation, "x = 1 or x = 2 or x = 3")]
    [InlineData("x^4 - 5x^2 + 4 = 0", ProblemKind.PolynomialEquation, "x = -2 or x = -1 or x = 1 or x = 2")]
    [InlineData("3/4 + 5/6", ProblemKind.Arithmetic, "19/12")]
    [InlineData("2 1/2 × 4", ProblemKind.Arithmetic, "10")]
    [InlineData("15% of 80", ProblemKind.Arithmetic, "12")]
    [InlineData("√12", ProblemKind.Arithmetic, "2√3")]
    [InlineData("√(8/9)", ProblemKind.Arithmetic, "2√2/3")]
    [InlineData("0.1 + 0.2", ProblemKind.Arithmetic, "3/10")]
    [InlineData("2 + 3 × 4^2", ProblemKind.Arithmetic, "50")]
    [InlineData("what is 1/2x when x = 4", ProblemKind.Evaluate, "2")]
    [InlineData("solve for y: 2x + 3y = 12", ProblemKind.SolveFor, "y = (12 - 2x)/3")]
    [InlineData("simplify (x^2-1)/(x-1)", ProblemKind.Simplify, "x + 1")]
    [InlineData("x + y = 10, x - y = 2", ProblemKind.System, "x = 6, y = 4")]
    [InlineData("expand (x+2)^3", ProblemKind.Expand, "x^3 + 6x^2 + 12x + 8")]
    [InlineData("factor x^2 + 7x + 12", ProblemKind.Factor, "(x + 3)(x + 4)")]
    [InlineData("3x − 4 ≤ 11", ProblemKind.LinearInequality, "x ≤ 5")]
    [InlineData("-2x + 1 > 7", ProblemKind.LinearInequality, "x < -3")]
    [InlineData("d/dx (3x^2 + 2x)", ProblemKind.Derivative, "6x + 2")]
    [InlineData("\\frac{1}{2} + \\frac{1}{3}", ProblemKind.Arithmetic, "5/6")]
    [InlineData("x² − 4 = 0", ProblemKind.QuadraticEquation, "x = -2 or x = 2")]
    [InlineData("½ + ¼", ProblemKind.Arithmetic, "3/4")]
    [InlineData("factor 6x^2y + 9xy^2", ProblemKind.Factor, "3xy(2x + 3y)")]
    [InlineData("factor x^2 - 4y^2", ProblemKind.Factor, "(x - 2y)(x + 2y)")]
    [InlineData("factor 2x^2 - 8", ProblemKind.Factor, "2(x - 2)(x + 2)")]
    [InlineData("factor x^4 - 4", ProblemKind.Factor, "(x^2 - 2)(x^2 + 2)")]
    [InlineData("x + y + z = 6, x - y = 0, 2x - z = -2", ProblemKind.System, "x = 1, y = 1, z = 4")]
    [InlineData("x + y = 1, 2x + 2y = 3", ProblemKind.System, "no solution")]
    [InlineData("d/dx sin(x^2)", ProblemKind.Derivative, "2x·cos(x^2)")]
    public void Solves_examples(string problem, ProblemKind kind, string answer)
    {
        var result = _engine.Solve(problem);
        Assert.Equal(kind, result.Kind);
        Assert.Equal(answer, result.Answer);
        Assert.NotEmpty(result.Steps);
    }
}
