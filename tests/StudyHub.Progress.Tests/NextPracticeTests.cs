using StudyHub.Progress.Domain;

namespace StudyHub.Progress.Tests;

public class NextPracticeTests
{
    private static readonly Dictionary<string, IReadOnlyList<string>> Path = new()
    {
        ["math.fractions"] = [],
        ["math.linear-equations"] = ["math.fractions"],
        ["math.quadratics"] = ["math.linear-equations"],
    };

    private static double Prior(string skill) => BktParameters.Default.Prior;

    [Fact]
    public void Recommends_the_least_mastered_skill_whose_prerequisites_are_mastered()
    {
        // Quadratics (0.25) is less mastered than linear equations (0.6) but its prerequisite is not mastered.
        var mastery = new Dictionary<string, double> { ["math.fractions"] = 0.97, ["math.linear-equations"] = 0.6 };

        var next = NextPractice.Recommend(Path, mastery, Prior, []);

        Assert.Equal(new Recommendation("math.linear-equations", RecommendationReason.NextOnThePath, 0.6,
            new WeakSpotAction(WeakSpotActionKind.PracticeGame, "math.linear-equations", null)), next);
    }

    [Fact]
    public void A_new_student_starts_at_the_skill_with_no_prerequisites()
    {
        var next = NextPractice.Recommend(Path, new Dictionary<string, double>(), Prior, []);
        Assert.Equal("math.fractions", next?.SkillId);
    }

    [Fact]
    public void With_nothing_ready_on_the_path_the_highest_weak_spot_is_recommended()
    {
        // Everything mastered, yet recent answers on fractions are mostly wrong.
        var mastery = Path.Keys.ToDictionary(skill => skill, _ => 0.96);
        var weak = WeakSpots.Rank([
            WeakSpots.Assess("math.fractions", [.. Enumerable.Repeat(new QuestionOutcome(false, 2, TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(30)), 5)], null, null)!,
        ]);

        var next = NextPractice.Recommend(Path, mastery, Prior, weak);

        Assert.Equal("math.fractions", next?.SkillId);
        Assert.Equal(RecommendationReason.WeakSpot, next?.Reason);
    }

    [Fact]
    public void Everything_mastered_and_no_weak_spot_means_no_recommendation()
    {
        var mastery = Path.Keys.ToDictionary(skill => skill, _ => 0.99);
        Assert.Null(NextPractice.Recommend(Path, mastery, Prior, []));
    }
}
