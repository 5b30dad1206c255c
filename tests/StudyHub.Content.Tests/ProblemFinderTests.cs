using StudyHub.Content.Extraction;
using StudyHub.Content.Problems;

namespace StudyHub.Content.Tests;

public sealed class ProblemFinderTests
{
    private readonly ProblemFinder _finder = new();

    [Fact]
    public void Numbered_problems_under_a_shared_instruction()
    {
        var problems = Find("""
            Algebra Homework - Week 3
            Name: ____________  Date: ________
            Solve for x:
            1. 2x + 3 = 11
            2. 5x - 7 = 18
            3) 3(x + 4) = 27
            """);

        Assert.Equal(["1.", "2.", "3)"], problems.Select(p => p.Label));
        Assert.Equal(["2x + 3 = 11", "5x - 7 = 18", "3(x + 4) = 27"], problems.Select(p => p.Text));
        Assert.All(problems, p => Assert.Equal("Solve for x:", p.Instruction));
        Assert.All(problems, p => Assert.Equal(0.95, p.Confidence));
    }

    [Fact]
    public void A_new_instruction_takes_over_for_the_problems_under_it()
    {
        var problems = Find("""
            Solve:
            1. x + 1 = 4
            Simplify:
            2. 3/4 + 1/2
            3. (12 - 4) ÷ 2
            """);

        Assert.Equal(["Solve:", "Simplify:", "Simplify:"], problems.Select(p => p.Instruction));
    }

    [Fact]
    public void Named_labels_are_kept_as_written()
    {
        var problems = Find("""
            Q1 What is 15% of 80?
            Q2: Round 3.456 to one decimal place.
            Problem 3: A train travels 120 km in 1.5 hours. What is its average speed?
            Exercise 4. Factor x^2 - 5x + 6
            Question 5) Convert 0.75 to a fraction.
            """);

        Assert.Equal(["Q1", "Q2:", "Problem 3:", "Exercise 4.", "Question 5)"], problems.Select(p => p.Label));
        Assert.Equal("A train travels 120 km in 1.5 hours. What is its average speed?", problems[2].Text);
        Assert.Equal("Factor x^2 - 5x + 6", problems[3].Text);
    }

    [Fact]
    public void Lettered_parts_sit_under_their_numbered_instruction()
    {
        var problems = Find("""
            1. Solve for x:
            a) x + 5 = 9
            b) 2x = 14
            2. Simplify 4(x + 2) - 3x
            """);

        Assert.Equal(["1. a)", "1. b)", "2."], problems.Select(p => p.Label));
        Assert.Equal(["x + 5 = 9", "2x = 14", "Simplify 4(x + 2) - 3x"], problems.Select(p => p.Text));
        Assert.Equal(["Solve for x:", "Solve for x:", null], problems.Select(p => p.Instruction));
    }

    [Fact]
    public void A_problem_continues_over_the_lines_under_its_label()
    {
        var problems = Find("""
            1. Maria buys 3 notebooks at $2.50 each
            and a pen for $1.20.
            How much does she spend?
            2. 7 × 8 = ?
            """);

        Assert.Equal(2, problems.Count);
        Assert.Equal("Maria buys 3 notebooks at $2.50 each\nand a pen for $1.20.\nHow much does she spend?", problems[0].Text);
    }

    [Fact]
    public void One_equation_per_line_without_labels_gets_generated_labels()
    {
        var problems = Find("""
            Solve each equation.
            Solve for x:
            2x + 3 = 11
            x/4 + 2 = 5
            7x - 12 = 2x + 8
            """);

        Assert.Equal(["1", "2", "3"], problems.Select(p => p.Label));
        Assert.Equal(["2x + 3 = 11", "x/4 + 2 = 5", "7x - 12 = 2x + 8"], problems.Select(p => p.Text));
        Assert.All(problems, p => Assert.Equal("Solve for x:", p.Instruction));
        Assert.All(problems, p => Assert.Equal(0.85, p.Confidence));
    }

    [Fact]
    public void Questions_in_prose_homework_are_problems()
    {
        var problems = Find("""
            History - The French Revolution

            What were the three estates of pre-revolutionary France?

            Why did the storming of the Bastille matter?
            """);

        Assert.Equal(["What were the three estates of pre-revolutionary France?", "Why did the storming of the Bastille matter?"], problems.Select(p => p.Text));
    }

    [Fact]
    public void A_decimal_at_the_start_of_a_line_is_not_a_label()
    {
        var problems = Find("""
            Calculate:
            1. 2.5 × 4 - 1.2
            2. 3.75 + 1.25
            """);

        Assert.Equal(["2.5 × 4 - 1.2", "3.75 + 1.25"], problems.Select(p => p.Text));
    }

    [Fact]
    public void Ocr_that_glued_the_label_to_the_math_is_split_by_the_expected_number()
    {
        var problems = Find("Solve for x:\n1.2x+3=11\n2.5x-7=18\n3.4x+1=21", ExtractionMethod.Ocr, 92);

        Assert.Equal(["1.", "2.", "3."], problems.Select(p => p.Label));
        Assert.Equal(["2x+3=11", "5x-7=18", "4x+1=21"], problems.Select(p => p.Text));
    }

    [Theory]
    [InlineData("5x — 7 = 18", "5x - 7 = 18")]
    [InlineData("5x – 7 = 18", "5x - 7 = 18")]
    [InlineData("x2 - 5x + 6 = 0", "x^2 - 5x + 6 = 0")]
    [InlineData("x² + 2x + 1 = 0", "x^2 + 2x + 1 = 0")]
    [InlineData("3y3 = 81", "3y^3 = 81")]
    [InlineData("2x + l = 9", "2x + 1 = 9")]
    [InlineData("4x = 1O0", "4x = 100")]
    [InlineData("O.5 + 2 = ?", "0.5 + 2 = ?")]
    [InlineData("3x - I2 = 0", "3x - 12 = 0")]
    [InlineData("6 x 7 = ?", "6 × 7 = ?")]
    [InlineData("2× + 3 = 11", "2x + 3 = 11")]
    [InlineData("7.9x 8", "7.9 × 8")]
    [InlineData("x?-7x+19=0", "x^2-7x+19=0")]
    [InlineData("x*-8x+7=0", "x^2-8x+7=0")]
    public void Ocr_confusions_in_math_are_repaired(string ocr, string expected)
    {
        var problem = Assert.Single(Find("1. " + ocr, ExtractionMethod.Ocr, 90));

        Assert.Equal(expected, problem.Text);
        Assert.True(problem.Confidence < 0.95, "a repaired problem is less certain");
    }

    [Fact]
    public void Words_around_ocr_math_keep_their_letters()
    {
        var problem = Assert.Single(Find("1. Solve 2x — l = 9 and explain", ExtractionMethod.Ocr, 90));

        Assert.Equal("Solve 2x - 1 = 9 and explain", problem.Text);
    }

    [Fact]
    public void Typed_text_is_never_repaired()
    {
        var problem = Assert.Single(Find("1. Let x2 be the second value — and l the length."));

        Assert.Equal("Let x2 be the second value — and l the length.", problem.Text);
        Assert.Equal(0.95, problem.Confidence);
    }

    [Fact]
    public void Low_ocr_confidence_lowers_the_problem_confidence()
    {
        var sure = Assert.Single(Find("1. 2x + 3 = 11", ExtractionMethod.Ocr, 95));
        var unsure = Assert.Single(Find("1. 2x + 3 = 11", ExtractionMethod.Ocr, 45));

        Assert.Equal(0.95, sure.Confidence);
        Assert.Equal(0.48, unsure.Confidence);
    }

    [Fact]
    public void Problems_keep_their_page_numbers_across_pages()
    {
        var document = new ExtractedDocument([
            new ExtractedPage(1, "1. x + 1 = 2\n2. x + 2 = 3", null, ExtractionMethod.TextLayer),
            new ExtractedPage(2, "3. x + 3 = 4", null, ExtractionMethod.TextLayer),
        ]);

        var problems = _finder.Find(document);

        Assert.Equal([1, 1, 2], problems.Select(p => p.Page));
        Assert.Equal(["1.", "2.", "3."], problems.Select(p => p.Label));
    }

    [Fact]
    public void An_empty_page_has_no_problems()
    {
        Assert.Empty(Find("   \n\n  "));
    }

    private List<FoundProblem> Find(string text, ExtractionMethod method = ExtractionMethod.PlainText, double? ocr = null) =>
        [.. _finder.Find(new ExtractedDocument([new ExtractedPage(1, text, ocr, method)]))];
}
