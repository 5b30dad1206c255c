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
    [InlineData("f(x) = 2x + 3, find f(4)", "11")]
    [InlineData("find f(-2) if f(x) = x^2 - 3x", "10")]
    [InlineData("g(t) = t^2 + 1; evaluate g(1/2)", "5/4")]
    [InlineData("simplify fully (x^2-1)/(x-1)", "x + 1")]
    public void Reads_what_students_write(string problem, string answer) =>
        Assert.Equal(answer, _engine.Solve(problem).Answer);
}

public class NotationTests
{
    private readonly MathEngine _engine = new();

    [Theory]
    [InlineData("sin(30°)", "1/2")]
    [InlineData("cos(135°)", "-√2/2")]
    [InlineData("tan(60°)", "√3")]
    [InlineData("1e3 + 1", "1001")]
    [InlineData("2.5E-2", "1/40")]
    [InlineData("3×10^4", "30000")]
    [InlineData("0.333...", "1/3")]
    [InlineData("0.1666…", "1/6")]
    [InlineData("0.142857142857...", "1/7")]
    [InlineData("0.3\u0305", "1/3")]
    [InlineData("0.14\u03052\u0305", "47/330")]
    [InlineData("4\\frac{3}{8} + 1", "43/8")]
    public void Reads_notation(string problem, string answer) => Assert.Equal(answer, _engine.Solve(problem).Answer);

    [Theory]
    [InlineData("sin(20°)", ErrorCodes.Unsupported)]           // no exact form: refused, not approximated
    [InlineData("tan(90°)", ErrorCodes.DivisionByZero)]
    [InlineData("0.1234...", ErrorCodes.Unsupported)]         // which digits repeat cannot be told
    [InlineData("30° + 1", ErrorCodes.Unsupported)]
    public void Refuses_notation_it_cannot_stand_behind(string problem, string code) =>
        Assert.Equal(code, Assert.Throws<MathEngineException>(() => _engine.Solve(problem)).Code);
}
