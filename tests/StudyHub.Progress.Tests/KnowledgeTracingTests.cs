using StudyHub.Progress.Domain;

namespace StudyHub.Progress.Tests;

public class KnowledgeTracingTests
{
    // Defaults: P(L0) = 0.25, P(T) = 0.15, P(G) = 0.2, P(S) = 0.1.
    private static readonly BktParameters Defaults = BktParameters.Default;

    [Fact]
    public void A_correct_first_answer_raises_mastery_as_computed_by_hand()
    {
        // P(L|right) = 0.25·0.9 / (0.25·0.9 + 0.75·0.2) = 0.225 / 0.375 = 0.6
        // P(L')      = 0.6 + 0.4·0.15 = 0.66
        Assert.Equal(0.66, KnowledgeTracing.Update(0.25, correct: true, Defaults), 12);
    }

    [Fact]
    public void A_wrong_first_answer_lowers_mastery_as_computed_by_hand()
    {
        // P(L|wrong) = 0.25·0.1 / (0.25·0.1 + 0.75·0.8) = 0.025 / 0.625 = 0.04
        // P(L')      = 0.04 + 0.96·0.15 = 0.184
        Assert.Equal(0.184, KnowledgeTracing.Update(0.25, correct: false, Defaults), 12);
    }

    [Fact]
    public void Three_right_answers_in_a_row_reach_mastery_two_do_not()
    {
        var afterOne = KnowledgeTracing.Update(0.25, true, Defaults);
        var afterTwo = KnowledgeTracing.Update(afterOne, true, Defaults);
        var afterThree = KnowledgeTracing.Update(afterTwo, true, Defaults);

        // 0.66·0.9 = 0.594, 0.34·0.2 = 0.068: P(L|right) = 0.594/0.662 = 297/331, then + (34/331)·0.15.
        Assert.Equal(302.1 / 331, afterTwo, 12);
        Assert.False(KnowledgeTracing.IsMastered(afterTwo));

        // 302.1/331·0.9 over that plus 28.9/331·0.2 = 271.89 / 277.67, then + (5.78/277.67)·0.15.
        Assert.Equal((271.89 + 5.78 * 0.15) / 277.67, afterThree, 12);
        Assert.True(KnowledgeTracing.IsMastered(afterThree));
    }

    [Fact]
    public void A_wrong_answer_after_a_right_one_falls_back_as_computed_by_hand()
    {
        // From 0.66: P(L|wrong) = 0.066 / (0.066 + 0.34·0.8) = 0.066 / 0.338; then + (0.272/0.338)·0.15.
        var p = KnowledgeTracing.Update(0.66, correct: false, Defaults);
        Assert.Equal((0.066 + 0.272 * 0.15) / 0.338, p, 12);
        Assert.Equal(0.3160, p, 4);
    }

    [Fact]
    public void Mastery_threshold_is_inclusive()
    {
        Assert.True(KnowledgeTracing.IsMastered(0.95));
        Assert.False(KnowledgeTracing.IsMastered(0.9499));
    }

    [Fact]
    public void Only_the_first_attempt_is_evidence()
    {
        Assert.True(KnowledgeTracing.Evidence(attemptNumber: 1, correct: true, hintsUsedBefore: 0));
        Assert.False(KnowledgeTracing.Evidence(attemptNumber: 1, correct: false, hintsUsedBefore: 0));
        Assert.Null(KnowledgeTracing.Evidence(attemptNumber: 2, correct: true, hintsUsedBefore: 0));
        Assert.Null(KnowledgeTracing.Evidence(attemptNumber: 3, correct: false, hintsUsedBefore: 1));
    }

    [Fact]
    public void A_right_answer_after_a_hint_counts_as_wrong()
    {
        Assert.False(KnowledgeTracing.Evidence(attemptNumber: 1, correct: true, hintsUsedBefore: 1));
    }

    [Fact]
    public void Each_skill_uses_its_refitted_parameters_or_the_defaults()
    {
        var fractions = new BktParameters(0.1, 0.05, 0.3, 0.05);
        var parameters = new SkillParameters(new Dictionary<string, BktParameters> { ["math.fractions"] = fractions }, Defaults);

        Assert.Equal(fractions, parameters.For("math.fractions"));
        Assert.Equal(Defaults, parameters.For("math.linear-equations"));

        // The same right answer moves a hard-to-learn, easy-to-guess skill much less.
        Assert.True(KnowledgeTracing.Update(0.25, true, parameters.For("math.fractions"))
            < KnowledgeTracing.Update(0.25, true, parameters.For("math.linear-equations")));
    }

    [Fact]
    public void Parameters_beyond_the_identifiability_bounds_are_invalid()
    {
        Assert.True(Defaults.IsValid);
        Assert.False((Defaults with { Guess = 0.31 }).IsValid);
        Assert.False((Defaults with { Slip = 0.11 }).IsValid);
        Assert.False((Defaults with { Prior = 0 }).IsValid);
    }
}
