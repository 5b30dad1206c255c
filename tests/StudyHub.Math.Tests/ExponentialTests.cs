namespace StudyHub.Math.Tests;

public class ExponentialTests
{
    private readonly MathEngine _engine = new();

    [Theory]
    [InlineData("2^x = 8", ProblemKind.ExponentialEquation, "x = 3")]
    [InlineData("4^x = 8", ProblemKind.ExponentialEquation, "x = 3/2")]
    [InlineData("2^(x+1) = 1/8", ProblemKind.ExponentialEquation, "x = -4")]
    [InlineData("2^x = -4", ProblemKind.ExponentialEquation, "no solution")]
    [InlineData("e^x = 5", ProblemKind.ExponentialEquation, "x = ln(5)")]
    [InlineData("e^(2x) = 7", ProblemKind.ExponentialEquation, "x = ln(7)/2")]
    [InlineData("2^x = 5", ProblemKind.ExponentialEquation, "x = ln(5)/ln(2)")]
    [InlineData("ln(x) = 1", ProblemKind.LogarithmicEquation, "x = e")]
    [InlineData("ln(2x-1) = 3", ProblemKind.LogarithmicEquation, "x = (e^3 + 1)/2")]
    [InlineData("log_2(x) = 3", ProblemKind.LogarithmicEquation, "x = 8")]
    [InlineData("log_{3}(x+1) = 2", ProblemKind.LogarithmicEquation, "x = 8")]
    [InlineData("log₂(x) = 5", ProblemKind.LogarithmicEquation, "x = 32")]
    [InlineData("log(x) = -1", ProblemKind.LogarithmicEquation, "x = 1/10")]
    public void Exponential_and_logarithmic_equations(string problem, ProblemKind kind, string answer)
    {
        var result = _engine.Solve(problem);
        Assert.Equal(kind, result.Kind);
        Assert.Equal(answer, result.Answer);
    }

    [Fact]
    public void An_irrational_answer_is_exact_with_its_decimal()
    {
        var result = _engine.Solve("e^x = 5");
        Assert.Equal(["x ≈ 1.609438"], result.DecimalAnswers);
        Assert.Contains(result.Steps, s => s.Kind == StepKind.TakeLogarithm);
    }

    [Fact]
    public void Same_base_and_domain_steps_are_structured()
    {
        Assert.Contains(_engine.Solve("2^x = 8").Steps, s => s.Kind == StepKind.SameBase);
        var log = _engine.Solve("log_2(x) = 3").Steps;
        Assert.Contains(log, s => s.Kind == StepKind.Exponentiate && s.Operand == "2");
        Assert.Contains(log, s => s.Kind == StepKind.DomainCheck);
    }

    [Theory]
    [InlineData("log_2(8)", "3")]
    [InlineData("log(100)", "2")]
    [InlineData("log(1000) + log_2(16)", "7")]
    [InlineData("log_4(2)", "1/2")]
    [InlineData("ln(1)", "0")]
    [InlineData("ln(e^3)", "3")]
    public void Logarithms_with_rational_values_are_evaluated_exactly(string problem, string answer) =>
        Assert.Equal(answer, _engine.Solve(problem).Answer);

    [Theory]
    [InlineData("log(-3)", ErrorCodes.LogOfNonPositive)]
    [InlineData("log_2(0)", ErrorCodes.LogOfNonPositive)]
    [InlineData("ln(-1)", ErrorCodes.LogOfNonPositive)]
    [InlineData("log_2(5)", ErrorCodes.Unsupported)]
    [InlineData("log_1(5)", ErrorCodes.Unsupported)]
    public void Logarithms_outside_the_domain_or_without_exact_value_are_refused(string problem, string code) =>
        Assert.Equal(code, Assert.Throws<MathEngineException>(() => _engine.Solve(problem)).Code);

    [Fact]
    public void The_derivative_of_log_base_b_uses_that_base() =>
        Assert.Equal("1/(x·ln(2))", _engine.Solve("d/dx log_2(x)").Answer);

    [Theory]
    [InlineData("e^x = 5", "x = ln 5", CheckOutcome.Correct)]
    [InlineData("e^x = 5", "1.609", CheckOutcome.Correct)]
    [InlineData("e^x = 5", "1.7", CheckOutcome.Incorrect)]
    [InlineData("ln(x) = 1", "e", CheckOutcome.Correct)]
    [InlineData("2^x = 5", "log_2(5)", CheckOutcome.Correct)]
    [InlineData("2^x = 8", "3", CheckOutcome.Correct)]
    public void Exact_and_rounded_answers_are_checked(string problem, string answer, CheckOutcome outcome) =>
        Assert.Equal(outcome, _engine.Check(problem, answer).Outcome);

    [Fact]
    public void A_rounded_answer_needs_two_places()
    {
        var result = _engine.Check("e^x = 5", "1.6");
        Assert.Equal(IncorrectReason.NotPreciseEnough, result.Reason);
    }
}
