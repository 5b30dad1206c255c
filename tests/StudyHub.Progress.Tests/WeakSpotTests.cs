using StudyHub.Progress.Domain;

namespace StudyHub.Progress.Tests;

/// <summary>The worked examples of docs/progress.md, one test each.</summary>
public class WeakSpotTests
{
    private static readonly Guid Homework = Guid.Parse("0193a3b0-0000-7000-8000-000000000001");

    // Example 1 — fractions: 10 questions, 4 right; 20 attempts in all; 30 s limit.
    private static readonly QuestionOutcome[] Fractions =
    [
        Q(true, 1, 12), Q(true, 1, 15), Q(true, 1, 18), Q(true, 1, 21), Q(false, 2, 24),
        Q(false, 2, 27), Q(false, 3, 30), Q(false, 3, 30), Q(false, 3, 30), Q(false, 3, 30),
    ];

    // Example 2 — linear equations: 6 questions, 4 right; attempts 1,1,1,1,2,3; 60 s limit.
    private static readonly QuestionOutcome[] LinearEquations =
    [
        Q(true, 1, 20, 60), Q(true, 1, 30, 60), Q(true, 1, 40, 60), Q(true, 1, 50, 60), Q(false, 2, 60, 60), Q(false, 3, 70, 60),
    ];

    [Fact]
    public void Example_1_fractions_with_an_exam_weight_of_0_4_has_priority_58_75()
    {
        var spot = WeakSpots.Assess("math.fractions", Fractions, examWeight: 0.4, reviewMaterial: Homework);

        Assert.NotNull(spot);
        Assert.Equal(0.4, spot.Accuracy, 12);
        Assert.Equal(0.6, spot.AccuracyGap, 12);        // g = 1 − 0.4
        Assert.Equal(0.5, spot.AttemptsFactor, 12);     // a = (20/10 − 1) / 2
        Assert.Equal(0.85, spot.TimeFactor, 12);        // t = median(12…30 s) / 30 s = ((24 + 27)/2) / 30
        Assert.Equal(58.75, spot.Priority, 9);          // 100 × (0.30 + 0.10 + 0.1275 + 0.06)
    }

    [Fact]
    public void Example_1_without_an_exam_rescales_the_other_weights_to_62_06()
    {
        var spot = WeakSpots.Assess("math.fractions", Fractions, examWeight: null, reviewMaterial: Homework);

        // 100 × (0.30 + 0.10 + 0.1275) / 0.85 = 52.75 / 0.85
        Assert.NotNull(spot);
        Assert.Equal(52.75 / 0.85, spot.Priority, 9);
        Assert.Equal(62.06, Math.Round(spot.Priority, 2));
    }

    [Fact]
    public void Example_1_below_half_right_with_its_homework_recommends_reviewing_it()
    {
        var spot = WeakSpots.Assess("math.fractions", Fractions, 0.4, Homework)!;
        Assert.Equal(new WeakSpotAction(WeakSpotActionKind.ReviewMaterial, "math.fractions", Homework), spot.Action);

        var noMaterial = WeakSpots.Assess("math.fractions", Fractions, 0.4, reviewMaterial: null)!;
        Assert.Equal(WeakSpotActionKind.PracticeGame, noMaterial.Action.Kind);
    }

    [Fact]
    public void Example_2_linear_equations_has_priority_34_42_and_a_practice_game()
    {
        var spot = WeakSpots.Assess("math.linear-equations", LinearEquations, examWeight: 0.1, reviewMaterial: Homework);

        Assert.NotNull(spot);
        Assert.Equal(1.0 / 3, spot.AccuracyGap, 12);    // 4 of 6 right
        Assert.Equal(0.25, spot.AttemptsFactor, 12);    // (9/6 − 1) / 2
        Assert.Equal(0.75, spot.TimeFactor, 12);        // median(20…70 s) = 45 s, / 60 s
        Assert.Equal(100 * (0.5 / 3 + 0.05 + 0.1125 + 0.015), spot.Priority, 9);
        Assert.Equal(34.42, Math.Round(spot.Priority, 2));
        Assert.Equal(WeakSpotActionKind.PracticeGame, spot.Action.Kind); // 67% right: practise, not review
    }

    [Fact]
    public void Example_3_ranking_puts_fractions_first()
    {
        var ranked = WeakSpots.Rank([
            WeakSpots.Assess("math.linear-equations", LinearEquations, 0.1, null)!,
            WeakSpots.Assess("math.fractions", Fractions, 0.4, null)!,
        ]);

        Assert.Equal(["math.fractions", "math.linear-equations"], ranked.Select(w => w.SkillId));
    }

    [Fact]
    public void Fewer_than_five_answered_questions_is_never_a_weak_spot()
    {
        Assert.Null(WeakSpots.Assess("math.fractions", [.. Enumerable.Repeat(Q(false, 3, 30), 4)], null, null));
        Assert.NotNull(WeakSpots.Assess("math.fractions", [.. Enumerable.Repeat(Q(false, 3, 30), 5)], null, null));
    }

    [Fact]
    public void Exactly_70_percent_is_not_a_weak_spot_69_is()
    {
        QuestionOutcome[] seventy = [.. Enumerable.Repeat(Q(true, 1, 10), 7), .. Enumerable.Repeat(Q(false, 2, 10), 3)];
        Assert.Null(WeakSpots.Assess("math.fractions", seventy, null, null));

        QuestionOutcome[] sixtyNine = [.. Enumerable.Repeat(Q(true, 1, 10), 69), .. Enumerable.Repeat(Q(false, 2, 10), 31)];
        Assert.NotNull(WeakSpots.Assess("math.fractions", sixtyNine, null, null));
    }

    [Fact]
    public void Every_factor_is_clamped_so_the_worst_case_scores_100()
    {
        // All wrong, three attempts each, over time, the whole exam: every factor is 1.
        var spot = WeakSpots.Assess("math.fractions", [.. Enumerable.Repeat(Q(false, 3, 45), 5)], examWeight: 1, null)!;
        Assert.Equal(1, spot.TimeFactor);
        Assert.Equal(100, spot.Priority, 9);
    }

    [Fact]
    public void An_exam_weight_outside_0_to_1_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => WeakSpots.Assess("math.fractions", Fractions, 1.5, null));
    }

    private static QuestionOutcome Q(bool correct, int attempts, double seconds, double limit = 30) =>
        new(correct, attempts, TimeSpan.FromSeconds(seconds), TimeSpan.FromSeconds(limit));
}
