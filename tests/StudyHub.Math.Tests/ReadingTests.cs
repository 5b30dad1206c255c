namespace StudyHub.Math.Tests;

/// <summary>Problems written the way students write them (issue #7), each with its worked answer.</summary>
public class ReadingTests
{
    private readonly MathEngine _engine = new();

    [Theory]
    [InlineData("60 is what percent of 80", "75")]
    [InlineData("what percent of 80 is 60", "75")]
    [InlineData("express 30 as a percentage of 120", "25")]
    [InlineData("increase 40 by 15%", "46")]
    [InlineData("decrease 80 by 25 percent", "60")]
    [InlineData("percentage change from 50 to 65", "30")]
    [InlineData("percentage change from 80 to 60", "-25")]
    [InlineData("percentage decrease from 80 to 60", "25")]
    [InlineData("12 percent of 50", "6")]
    [InlineData("cube root of 216", "6")]
    [InlineData("the square root of 49", "7")]
    [InlineData("4th root of 16", "2")]
    [InlineData("∛27", "3")]
    [InlineData("\\sqrt[3]{8}", "2")]
    [InlineData("5!", "120")]
    [InlineData("|3 - 7|", "4")]
    [InlineData("|2 - |5 - 9||", "2")]
    [InlineData("3/4 ÷ 1/8", "6")]      // a fraction of two integers binds tighter than ÷
    [InlineData("3/4 \\div 1/8", "6")]
    [InlineData("12 ÷ 4/2", "6")]
    [InlineData("2^3/4", "2")]          // …but not inside or before an exponent
    [InlineData("1/2^3", "1/8")]
    [InlineData("x/2/3 = 1", "x = 6")]   // …nor after a slash: left to right as before
    [InlineData("factor completely x^4 - 16", "(x - 2)(x + 2)(x^2 + 4)")]
    [InlineData("factorise fully 2x^2 - 8", "2(x - 2)(x + 2)")]
    [InlineData("expand and simplify (x+2)(x-3)", "x^2 - x - 6")]
    [InlineData("solve the equation 2x + 3 = 11", "x = 4")]
    [InlineData("solve simultaneously x + y = 10, x - y = 2", "x = 6, y = 4")]
    [InlineData("x + y = 10\nx - y = 2", "x = 6, y = 4")]
    [InlineData("2x + y = 7 and x - y = 2", "x = 3, y = 1")]
    [InlineData("find dy/dx if y = x^3", "3x^2")]
    [InlineData("f'(x) for f(x) = sin(x)", "cos(x)")]
    [InlineData("make y the subject of 2x + 3y = 12", "y = (12 - 2x)/3")]
    [InlineData("rearrange the formula for y: 2x + 3y = 12", "y = (12 - 2x)/3")]
    [InlineData("find the value of x^2 + 1 when x = 3", "10")]
    [InlineData("find n if 3(n-16) = 4n-8", "n = -40")]
    [InlineData("simplify fully (x^2-1)/(x-1)", "x + 1")]
    public void Reads_what_students_write(string problem, string answer) =>
        Assert.Equal(answer, _engine.Solve(problem).Answer);
}
