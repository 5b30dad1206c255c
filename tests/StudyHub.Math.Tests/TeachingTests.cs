using System.Globalization;
using System.Text.RegularExpressions;
using StudyHub.Math.Numbers;
using StudyHub.Math.Teaching;

namespace StudyHub.Math.Tests;

/// <summary>Hints, variants, distractors and error solutions, checked independently of the code that makes them.</summary>
public partial class TeachingTests
{
    private readonly MathEngine _engine = new();

    /// <summary>One or more problems of every kind the solver supports.</summary>
    public static TheoryData<string> EveryKind() =>
    [
        "2x+3=11", "3x = 12", "2(x-3) = 4x + 1", "x/2 + 1 = 5", "3x-4≤11", "-2x + 1 > 7", "x^2-5x+6=0", "x^2 - 5x + 3 = 0", "x^2 = 9",
        "x^2 + x + 1 = 0", "x^2 - 7x = 0", "x^3 - 6x^2 + 11x - 6 = 0", "3/4+5/6", "1/2 + 1/3", "15% of 80", "√12", "2 + 3 × 4^2",
        "evaluate 2x + 1 for x = 3", "simplify (x^2-1)/(x-1)", "simplify 3x + 2x - 4", "simplify x^2·x^3", "expand (x+2)^3",
        "expand 3(x + 4)", "expand (x+1)(x-5)", "factor x^2+7x+12", "factor 6x^2y + 9xy^2", "factor x^2 - 4y^2",
        "x + y = 10, x - y = 2", "x + y + z = 6, x - y = 0, 2x - z = -2", "solve for y: 2x + 3y = 12", "d/dx (3x^2 + 2x)",
        "d/dx sin(x^2)", "x + 5 = 10",
    ];

    // ---- hints -------------------------------------------------------------------------------

    [Theory]
    [MemberData(nameof(EveryKind))]
    public void Hints_at_every_level_never_contain_an_answer_number_that_is_not_in_the_problem(string problem)
    {
        var solved = _engine.Solve(problem);
        var answerNumbers = solved.ExactAnswers.Concat(solved.DecimalAnswers).Append(solved.Answer).SelectMany(AnswerNumbers).ToHashSet();
        var problemNumbers = AllNumbers(problem).ToHashSet();
        for (var level = 1; level <= 4; level++)
        {
            var hint = _engine.Hint(problem, level);
            Assert.False(string.IsNullOrWhiteSpace(hint.Text));
            Assert.Equal(level, hint.Level);
            Assert.True((int)hint.Stage <= level);
            var shown = string.Join("\n", new[] { hint.Text, hint.Example?.Problem, hint.Example?.Answer }
                .Concat(hint.Example?.Steps.SelectMany(s => new[] { s.Description, s.Expression }) ?? []));
            var leaked = AllNumbers(shown).Where(n => answerNumbers.Contains(n) && !problemNumbers.Contains(n)).ToList();
            Assert.True(leaked.Count == 0, $"Level {level} hint for {problem} leaks {string.Join(", ", leaked)}: {shown}");
            foreach (var answer in solved.ExactAnswers.Append(solved.Answer))
            {
                Assert.DoesNotContain(answer.Replace(" ", string.Empty, StringComparison.Ordinal), shown.Replace(" ", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void Specific_hint_for_a_one_step_equation_names_the_operation_but_not_the_result()
    {
        var hint = _engine.Hint("3x = 12", 3);
        Assert.Equal(HintStage.Specific, hint.Stage);
        Assert.Contains("divide both sides by 3", hint.Text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("4", hint.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2x+3=11", 1, "linear equation")]
    [InlineData("2x+3=11", 2, "constant term")]
    [InlineData("2x+3=11", 3, "Subtract 3 from both sides")]
    [InlineData("x^2-5x+6=0", 3, "multiply to 6 and add to -5")]
    [InlineData("factor x^2+7x+12", 3, "multiply to 12 and add to 7")]
    [InlineData("3/4+5/6", 3, "denominator 12")]
    [InlineData("3x-4≤11", 3, "Add 4 to both sides")]
    [InlineData("-2x + 1 > 7", 1, "flip")]
    public void Hints_follow_the_ladder(string problem, int level, string expected)
    {
        var hint = _engine.Hint(problem, level);
        Assert.Contains(expected, hint.Text, StringComparison.OrdinalIgnoreCase);
        Assert.False(hint.IsFallback);
    }

    [Fact]
    public void Review_hint_names_the_skill_and_carries_a_worked_similar_example()
    {
        var hint = _engine.Hint("2x+3=11", 4);
        Assert.Equal(HintStage.Review, hint.Stage);
        Assert.Equal("Solving linear equations", hint.Skill);
        Assert.NotNull(hint.Example);
        Assert.NotEqual("2x + 3 = 11", hint.Example.Problem);
        Assert.NotEmpty(hint.Example.Steps);
        Assert.Equal(hint.Example.Answer, _engine.Solve(hint.Example.Problem).Answer);
    }

    [Theory]
    [InlineData("2x+3=11", "So x = 4.")]
    [InlineData("2x+3=11", "You should get 4.")]
    [InlineData("2x+3=11", "Divide 8 by 2 to get 4.0")]
    [InlineData("3/4+5/6", "The sum is 19/12.")]
    [InlineData("3/4+5/6", "About 1.583333.")]
    [InlineData("x^2-5x+6=0", "The numbers are -2 and -3.")]
    [InlineData("x + 5 = 10", "Then x = 5.")]
    [InlineData("factor x^2+7x+12", "It is (x + 3)(x + 4).")]
    [InlineData("3x-4≤11", "x ≤ 5")]
    [InlineData("x + y = 10, x - y = 2", "y = 4")]
    [InlineData("d/dx (3x^2 + 2x)", "The first term gives 6x.")]
    public void Leak_guard_rejects_leaking_candidates(string problem, string candidate)
    {
        var solution = _engine.SolveToSolution(problem);
        Assert.True(HintLeakGuard.Leaks(candidate, solution));
    }

    [Theory]
    [InlineData("2x+3=11", "Subtract 3 from both sides.")]
    [InlineData("3/4+5/6", "Rewrite each fraction with the denominator 12.")]
    [InlineData("x^2-5x+6=0", "Find two numbers that multiply to 6 and add to -5.")]
    [InlineData("x + 5 = 10", "Subtract 5 from both sides.")]
    [InlineData("x^2 - 5x + 3 = 0", "Use a = 1, b = -5, c = 3 in x = (-b ± √(b^2 - 4ac))/(2a); work out b^2 - 4ac first.")]
    public void Leak_guard_allows_numbers_from_the_problem(string problem, string candidate)
    {
        var solution = _engine.SolveToSolution(problem);
        Assert.False(HintLeakGuard.Leaks(candidate, solution));
    }

    [Fact]
    public void Leak_guard_compares_fractions_and_decimals_exactly()
    {
        Assert.True(HintLeakGuard.Leaks("try 3.5", "2x = 7", ["x = 7/2"], [new Rational(7, 2)]));
        Assert.True(HintLeakGuard.Leaks("try 14/4", "2x = 7", ["x = 7/2"], [new Rational(7, 2)]));
        Assert.False(HintLeakGuard.Leaks("divide 7 by 2", "2x = 7", ["x = 7/2"], [new Rational(7, 2)]));
        Assert.False(HintLeakGuard.Leaks("try 3.55", "2x = 7", ["x = 7/2"], [new Rational(7, 2)]));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(5)]
    public void Hint_level_outside_one_to_four_is_an_engine_error(int level)
    {
        var error = Assert.Throws<MathEngineException>(() => _engine.Hint("2x+3=11", level));
        Assert.Equal(ErrorCodes.OutOfRange, error.Code);
    }

    [Fact]
    public void Teaching_calls_on_bad_input_raise_the_engine_error()
    {
        Assert.Equal(ErrorCodes.UnexpectedEnd, Assert.Throws<MathEngineException>(() => _engine.Hint("2x+", 1)).Code);
        Assert.Equal(ErrorCodes.UnexpectedEnd, Assert.Throws<MathEngineException>(() => _engine.Distractors("2x+", 3)).Code);
        Assert.Equal(ErrorCodes.OutOfRange, Assert.Throws<MathEngineException>(() => _engine.Variants("2x+3=11", 21, 1)).Code);
        Assert.Equal(ErrorCodes.OutOfRange, Assert.Throws<MathEngineException>(() => _engine.Distractors("2x+3=11", 0)).Code);
        Assert.Equal(ErrorCodes.Unsupported, Assert.Throws<MathEngineException>(() => _engine.ErrorSolution("d/dx sin(x^2)", 1)).Code);
    }

    // ---- variants ----------------------------------------------------------------------------

    [Theory]
    [InlineData("2x+3=11")]
    [InlineData("3x-4≤11")]
    [InlineData("-2x + 1 > 7")]
    [InlineData("x^2-5x+6=0")]
    [InlineData("x^2 - 5x + 3 = 0")]
    [InlineData("x^2 = 9")]
    [InlineData("3/4+5/6")]
    [InlineData("15% of 80")]
    [InlineData("√12")]
    [InlineData("factor x^2+7x+12")]
    [InlineData("expand (x+2)^3")]
    [InlineData("x + y = 10, x - y = 2")]
    [InlineData("d/dx (3x^2 + 2x)")]
    [InlineData("solve for y: 2x + 3y = 12")]
    public void Variants_are_the_same_kind_different_and_solvable_with_clean_answers(string problem)
    {
        var original = _engine.Solve(problem);
        var variants = _engine.Variants(problem, 3, 42);
        Assert.Equal(3, variants.Count);
        Assert.Equal(3, variants.Select(v => v.Problem).Distinct().Count());
        foreach (var variant in variants)
        {
            Assert.Equal(original.Kind, variant.Kind);
            Assert.NotEqual(original.Problem, variant.Problem);
            var solved = _engine.Solve(variant.Problem);
            Assert.Equal(variant.Answer, solved.Answer);
            Assert.Equal(original.Answer.Contains('√', StringComparison.Ordinal), solved.Answer.Contains('√', StringComparison.Ordinal));
            Assert.Equal(original.Answer.Contains('i', StringComparison.Ordinal), solved.Answer.Contains('i', StringComparison.Ordinal));
        }
    }

    [Theory]
    [InlineData("2x+3=11")]
    [InlineData("x^2-5x+6=0")]
    [InlineData("x + y = 10, x - y = 2")]
    public void Equation_variants_have_integer_solutions(string problem)
    {
        foreach (var variant in _engine.Variants(problem, 5, 7))
        {
            foreach (Match value in Regex.Matches(variant.Answer, @"=\s*(\S+?)(?:,|$| or)"))
            {
                Assert.Matches(@"^-?\d+$", value.Groups[1].Value);
            }
        }
    }

    [Fact]
    public void Fraction_variants_keep_proper_fractions_with_different_denominators()
    {
        foreach (var variant in _engine.Variants("3/4+5/6", 5, 3))
        {
            var fractions = Regex.Matches(variant.Problem, @"(\d+)/(\d+)").Select(m => (A: int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), B: int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture))).ToList();
            Assert.Equal(2, fractions.Count);
            Assert.All(fractions, f => Assert.True(f.A < f.B && f.B <= 12, variant.Problem));
            Assert.NotEqual(fractions[0].B, fractions[1].B);
        }
    }

    [Fact]
    public void Variants_are_deterministic_for_a_seed()
    {
        var first = _engine.Variants("x^2-5x+6=0", 4, 123).Select(v => v.Problem);
        var again = _engine.Variants("x^2-5x+6=0", 4, 123).Select(v => v.Problem);
        var other = _engine.Variants("x^2-5x+6=0", 4, 124).Select(v => v.Problem);
        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
        Assert.Equal(_engine.Variants("2x+3=11", 2, null).Select(v => v.Problem), _engine.Variants("2x+3=11", 2, null).Select(v => v.Problem));
    }

    // ---- distractors -------------------------------------------------------------------------

    [Theory]
    [MemberData(nameof(EveryKind))]
    public void Distractors_are_labelled_distinct_and_never_correct(string problem)
    {
        var distractors = _engine.Distractors(problem, 6);
        Assert.True(distractors.Count <= 6);
        Assert.Equal(distractors.Count, distractors.Select(d => d.Answer.Replace(" ", string.Empty, StringComparison.Ordinal)).Distinct().Count());
        foreach (var distractor in distractors)
        {
            Assert.True(Enum.IsDefined(distractor.Misconception));
            Assert.False(string.IsNullOrWhiteSpace(distractor.Explanation));
            var check = _engine.Check(problem, distractor.Answer);
            Assert.False(check.CountsAsCorrect, $"{distractor.Answer} counts as correct for {problem}");
            Assert.NotEqual(IncorrectReason.Unreadable, check.Reason);
        }
    }

    [Theory]
    [InlineData("1/2 + 1/3", "2/5", Misconception.AddedNumeratorsAndDenominators)]
    [InlineData("2x+3=11", "x = 7", Misconception.SignErrorMovingTerm)]
    [InlineData("x^2 = 9", "x = 3", Misconception.DroppedNegativeRoot)]
    [InlineData("-2x + 1 > 7", "x > -3", Misconception.ForgotToFlipInequality)]
    [InlineData("d/dx (3x^2 + 2x)", "6x^2 + 2x", Misconception.PowerRuleKeptExponent)]
    [InlineData("15% of 80", "16/3", Misconception.PercentAsDivision)]
    [InlineData("simplify x^2·x^3", "x^6", Misconception.MultipliedExponentsInsteadOfAdding)]
    [InlineData("expand 3(x + 4)", "3x + 4", Misconception.DistributedToFirstTermOnly)]
    [InlineData("expand (x+2)^3", "x^3 + 8", Misconception.SquaredEachTerm)]
    [InlineData("factor x^2+7x+12", "(x - 4)(x - 3)", Misconception.SignErrorInFactors)]
    [InlineData("x^2 - 5x + 3 = 0", "x = (5 + √13)/2", Misconception.KeptOnlyOneRoot)]
    [InlineData("solve for y: 2x + 3y = 12", "y = -2x/3 + 12", Misconception.DividedOnlyOneTerm)]
    public void Distractors_come_from_the_named_misconception(string problem, string answer, Misconception misconception)
    {
        var distractors = _engine.Distractors(problem, 10);
        Assert.Contains(distractors, d => d.Answer == answer && d.Misconception == misconception);
    }

    // ---- error solutions ---------------------------------------------------------------------

    [Theory]
    [InlineData("2x+3=11")]
    [InlineData("3x = 12")]
    [InlineData("2(x-3) = 4x + 1")]
    [InlineData("3x-4≤11")]
    [InlineData("-2x + 1 > 7")]
    [InlineData("x^2-5x+6=0")]
    [InlineData("x^2 - x - 6 = 0")]
    [InlineData("3/4+5/6")]
    [InlineData("2/3 - 1/4")]
    public void Error_solution_has_exactly_one_wrong_step_at_the_reported_index(string problem)
    {
        for (var seed = 0; seed < 4; seed++)
        {
            var exercise = _engine.ErrorSolution(problem, seed);
            Assert.InRange(exercise.WrongStepIndex, 1, exercise.Steps.Count - 1);
            Assert.Equal(_engine.Solve(problem).Answer, exercise.CorrectAnswer);
            Assert.NotEqual(exercise.CorrectAnswer, exercise.WrongAnswer);
            Assert.False(_engine.Check(problem, exercise.WrongAnswer).CountsAsCorrect);
            Assert.False(string.IsNullOrWhiteSpace(exercise.Explanation));
            var sets = exercise.Steps.Select(s => SolutionSet(s.Expression)).ToList();
            for (var i = 1; i < sets.Count; i++)
            {
                var equivalent = sets[i].SetEquals(sets[i - 1]);
                Assert.True(equivalent == (i != exercise.WrongStepIndex), $"{problem} seed {seed}: step {i} ({exercise.Steps[i].Expression}) equivalent={equivalent}, wrong index {exercise.WrongStepIndex}");
            }
        }
    }

    [Fact]
    public void Error_solutions_cover_more_than_one_misconception_across_seeds()
    {
        var kinds = Enumerable.Range(0, 6).Select(seed => _engine.ErrorSolution("2(x-3) = 4x + 1", seed).Misconception).Distinct().Count();
        Assert.True(kinds >= 2);
    }

    /// <summary>What a step says about the unknown (or its value), worked out by the engine on that step alone.</summary>
    private HashSet<string> SolutionSet(string step)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        foreach (var part in step.Split(" or "))
        {
            foreach (var answer in _engine.Solve(part).Answer.Split(" or "))
            {
                set.Add(answer);
            }
        }

        return set;
    }

    // ---- helpers ---------------------------------------------------------------------------------

    /// <summary>Numbers a reader sees: integers, decimals and a/b fractions (as values), unsigned.</summary>
    private static IEnumerable<decimal> AllNumbers(string text)
    {
        foreach (Match m in NumberPattern().Matches(text))
        {
            var a = decimal.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
            yield return a;
            if (m.Groups[2].Success)
            {
                var b = decimal.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture);
                yield return b;
                if (b != 0)
                {
                    yield return decimal.Round(a / b, 12);
                }
            }
        }
    }

    /// <summary>Numbers that would give an answer away: whole fractions (not their parts), integers and decimals.</summary>
    private static IEnumerable<decimal> AnswerNumbers(string text)
    {
        foreach (Match m in NumberPattern().Matches(text))
        {
            var a = decimal.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
            if (m.Groups[2].Success)
            {
                var b = decimal.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture);
                yield return decimal.Round(a / b, 12);
            }
            else
            {
                yield return a;
            }
        }
    }

    [GeneratedRegex(@"(\d+(?:\.\d+)?)(?:\s*/\s*(\d+(?:\.\d+)?))?")]
    private static partial Regex NumberPattern();
}
