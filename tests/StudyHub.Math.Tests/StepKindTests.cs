namespace StudyHub.Math.Tests;

/// <summary>
/// Every solver labels its steps (issue #7): hints, distractors, error solutions and variants switch
/// on the kind and its operands, so rewording a step can never change what they do.
/// </summary>
public class StepKindTests
{
    private readonly MathEngine _engine = new();

    [Theory]
    [InlineData("1/2 + 1/3")]
    [InlineData("15% of 80")]
    [InlineData("2 1/2 + 1/4")]
    [InlineData("√12")]
    [InlineData("3 + 4 × 2")]
    [InlineData("evaluate 2x + 1 for x = 3")]
    [InlineData("simplify (x^2-1)/(x-1)")]
    [InlineData("simplify 2x + 3x")]
    [InlineData("simplify 2(x + 1) + 3")]
    [InlineData("expand (x+2)^3")]
    [InlineData("expand (x+2)(x-3)")]
    [InlineData("factor x^2+7x+12")]
    [InlineData("factor x^2 - 9")]
    [InlineData("factor 2x^2 + 4x")]
    [InlineData("factor x^4 - 5x^2 + 4")]
    [InlineData("factor x^2 + x + 1")]
    [InlineData("2x+3=11")]
    [InlineData("2(x-3) = 4x + 1")]
    [InlineData("x/2 + 1/3 = 5")]
    [InlineData("x + 1 = x + 1")]
    [InlineData("2x + 1 > 7")]
    [InlineData("x^2-5x+6=0")]
    [InlineData("x^2 - 5x + 3 = 0")]
    [InlineData("2x^2 = 8")]
    [InlineData("x^2 + 3x = 0")]
    [InlineData("x^3 - 6x^2 + 11x - 6 = 0")]
    [InlineData("x + y = 10, x - y = 2")]
    [InlineData("2x + 4y = 10, x + 2y = 5")]
    [InlineData("x + y = 1, x + y = 2")]
    [InlineData("solve for y: 2x + 3y = 6")]
    [InlineData("solve for x: a*x + b*x = c")]
    [InlineData("d/dx (3x^2 + 2x + 1)")]
    [InlineData("d/dx (x sin(x))")]
    [InlineData("d/dx (sin(x)/x)")]
    [InlineData("d/dx (e^(2x))")]
    [InlineData("x^2 - 4 < 0")]
    [InlineData("|x - 3| < 5")]
    [InlineData("|2x-1| = 5")]
    [InlineData("2^x = 8")]
    [InlineData("log_2(x) = 3")]
    public void Every_step_of_every_solver_carries_a_kind(string problem)
    {
        var steps = _engine.Solve(problem).Steps;

        Assert.NotEmpty(steps);
        Assert.All(steps, s => Assert.True(s.Kind != StepKind.Other, $"'{s.Description}' has no kind"));
    }

    [Fact]
    public void A_factor_pair_carries_its_product_and_sum()
    {
        var pair = Assert.Single(_engine.Solve("factor x^2+7x+12").Steps, s => s.Kind == StepKind.FactorPair);

        Assert.Equal(["12", "7"], pair.Operands);
    }

    [Fact]
    public void The_quadratic_formula_carries_a_b_and_c()
    {
        var formula = _engine.Solve("x^2 - 5x + 3 = 0").Steps.First(s => s.Kind == StepKind.QuadraticFormula);

        Assert.Equal(["1", "-5", "3"], formula.Operands);
    }

    [Fact]
    public void An_elimination_names_the_unknown_and_both_equations()
    {
        var eliminate = _engine.Solve("x + y = 10, x - y = 2").Steps.First(s => s.Kind == StepKind.EliminateVariable);

        Assert.Equal(["x", "1", "2"], eliminate.Operands);
    }

    [Theory]
    [InlineData("x^2-5x+6=0", "Find two numbers that multiply to 6 and add to -5, then write the two brackets and set each one equal to zero.")]
    [InlineData("factor x^2+7x+12", "Find two numbers that multiply to 12 and add to 7, then write one bracket for each.")]
    [InlineData("x^2 - 5x + 3 = 0", "Use a = 1, b = -5, c = 3 in x = (-b ± √(b^2 - 4ac))/(2a); work out b^2 - 4ac first.")]
    [InlineData("3/4+5/6", "Rewrite each fraction with the denominator 12 (multiply its top and bottom by the same number), then add or subtract the numerators and keep 12.")]
    [InlineData("x + y = 10, x - y = 2", "Add or subtract a multiple of the first equation to the second equation so that the x terms cancel.")]
    [InlineData("solve for y: 2x + 3y = 6", "Move the terms without y to the other side, then divide both sides by 3.")]
    [InlineData("d/dx (3x^2 + 2x)", "Use the power rule on 3x^2: bring the exponent down as a factor and lower the exponent by 1; then do the same for each remaining term.")]
    public void Specific_hints_are_built_from_kinds_and_operands(string problem, string hint)
    {
        Assert.Equal(hint, _engine.Hint(problem, 3).Text);
    }
}
