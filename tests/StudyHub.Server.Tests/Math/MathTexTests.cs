using StudyHub.Kernel.Text;

namespace StudyHub.Server.Tests.Math;

public sealed class MathTexTests
{
    [Theory]
    [InlineData("2x + 3 = 11", "2x + 3 = 11")]
    [InlineData("x = (5 ± √13)/2", @"x = (5 \pm  \sqrt{13})/2")]
    [InlineData("3x^2 + 2x^(-1)", "3x^{2} + 2x^{-1}")]
    [InlineData("x^(n+1)", "x^{n+1}")]
    [InlineData("x ≤ 5", @"x \le  5")]
    [InlineData("sin(x)·cos(x)", @"\sin (x)\cdot \cos (x)")]
    [InlineData("x = 2 or x = 3", @"x = 2 \text{ or } x = 3")]
    [InlineData("∛216 × π", @"\sqrt[3]{216} \times  \pi ")]
    [InlineData("3/4+5/6", @"\frac{3}{4}+\frac{5}{6}")]
    [InlineData("x/4 + 2.5/3", "x/4 + 2.5/3")]
    [InlineData("sqrt(2)*x >= 1", @"\sqrt{2}\cdot x \ge  1")]
    [InlineData("x != 3 and y <= 2", @"x \ne  3 \text{ and } y \le  2")]
    [InlineData("", "")]
    public void Plain_and_engine_notation_becomes_tex(string engine, string tex) => Assert.Equal(tex, MathTex.FromPlain(engine));

    [Theory]
    [InlineData(@"\href{javascript:alert(1)}{x}", @"\backslash \text{ href }\{\text{ javascript }:\text{ alert }(1)\}\{x\}")]
    [InlineData("50% & $5 #_~", @"50\% \& \$5 \#\_\sim ")]
    public void Whatever_a_student_types_is_shown_and_never_runs_as_a_tex_command(string typed, string tex) =>
        Assert.Equal(tex, MathTex.FromPlain(typed));
}
