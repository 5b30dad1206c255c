using StudyHub.Math;
using StudyHub.Practice.Domain;
using StudyHub.Practice.Generation;

namespace StudyHub.Server.Tests.Practice;

/// <summary>The built-in judge of teach-the-AI explanations: a good, a vague and a wrong explanation for every misconception it knows.</summary>
public sealed class ExplanationRubricTests
{
    /// <summary>misconception, a good explanation (names both), a wrong one (about another move: names neither).</summary>
    public static readonly TheoryData<string, string, string> Explanations = new()
    {
        { "SignErrorMovingTerm", "The 3 moves to the other side, so its sign changes: subtract 3 from both sides instead of adding it.", "You should divide both sides by 2 first." },
        { "DividedTheWrongWay", "You divided the wrong way round: divide 18 by 3, so 18 goes on top.", "You forgot to subtract 5 from both sides." },
        { "ForgotToFlipInequality", "When you divide by a negative number the inequality sign has to flip.", "You should add 4 to both sides." },
        { "SignErrorInFactors", "The factors have the wrong signs: the brackets should be (x - 2)(x - 3).", "You need to use the quadratic formula to solve it." },
        { "ScaledDenominatorsOnly", "You changed the denominators but you must multiply the numerators by the same number too.", "You should add the denominators together." },
        { "AddedNumeratorsAndDenominators", "When you add the fractions the denominator stays 12; only the numerators are added.", "You multiplied wrong when you cross multiplied." },
    };

    public static readonly string[] Vague = ["That step is wrong.", "Sam made a mistake there, check it again.", "idk", "This is not right!!"];

    [Theory]
    [MemberData(nameof(Explanations))]
    public void A_good_explanation_names_the_operation_and_the_idea_and_earns_the_whole_explanation_share(string misconception, string good, string wrong)
    {
        var judgement = ExplanationRubric.Judge(misconception, good);
        Assert.Equal(new RubricJudgement(true, true), judgement);
        Assert.Equal(0.5m, judgement.Fraction);
        Assert.Null(ExplanationRubric.Missing(misconception, judgement));
        Assert.Equal(new RubricJudgement(false, false), ExplanationRubric.Judge(misconception, wrong));
    }

    [Theory]
    [MemberData(nameof(Explanations))]
    public void A_vague_explanation_names_nothing_and_the_feedback_says_what_to_add(string misconception, string good, string wrong)
    {
        _ = (good, wrong);
        foreach (var vague in Vague)
        {
            var judgement = ExplanationRubric.Judge(misconception, vague);
            Assert.Equal(new RubricJudgement(false, false), judgement);
            Assert.Equal(0m, judgement.Fraction);
            Assert.Contains(", and ", ExplanationRubric.Missing(misconception, judgement), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Half_an_explanation_earns_half_and_words_match_by_their_start_in_any_case()
    {
        var operationOnly = ExplanationRubric.Judge("SignErrorMovingTerm", "Subtract 3 from both sides.");
        Assert.Equal((true, false, 0.25m), (operationOnly.NamedOperation, operationOnly.NamedIdea, operationOnly.Fraction));
        Assert.Equal("say what happens to its sign", ExplanationRubric.Missing("SignErrorMovingTerm", operationOnly));
        Assert.Equal(new RubricJudgement(true, true), ExplanationRubric.Judge("DividedTheWrongWay", "DIVIDING goes UPSIDE-DOWN here"));
        Assert.Equal(new RubricJudgement(true, false), ExplanationRubric.Judge("DividedTheWrongWay", "18 ÷ 3"));

        // Phrases match whole words only: "another side" is not "other side".
        Assert.False(ExplanationRubric.Judge("SignErrorMovingTerm", "another sidequest").NamedOperation);
    }

    [Theory]
    [InlineData("SignErrorMovingTerm", "Do not subtract 3.", false, false)]
    [InlineData("SignErrorMovingTerm", "You shouldn't add 3 to the other side.", false, false)]
    [InlineData("SignErrorMovingTerm", "Don't change the sign, never move it.", false, false)]
    [InlineData("SignErrorMovingTerm", "Don't add 3, subtract it: the sign changes when it moves across.", true, true)]
    [InlineData("SignErrorMovingTerm", "Instead of adding 3, take away 3 from both sides.", true, false)]
    [InlineData("SignErrorMovingTerm", "Sam didn't change the sign when the 3 moved to the other side.", true, true)]
    [InlineData("ForgotToFlipInequality", "You did not flip the sign after dividing by -2.", true, true)]
    [InlineData("ForgotToFlipInequality", "Dividing by a negative does not flip anything.", true, false)]
    [InlineData("AddedNumeratorsAndDenominators", "The denominator doesn't change when you add fractions.", true, true)]
    [InlineData("AddedNumeratorsAndDenominators", "You can't add fractions like that.", false, false)]
    [InlineData("DividedTheWrongWay", "Don't divide, and it isn't upside down.", false, false)]
    public void A_negated_cue_names_nothing_while_a_described_mistake_or_a_turn_to_the_fix_still_counts(string misconception, string explanation, bool operation, bool idea) =>
        Assert.Equal(new RubricJudgement(operation, idea), ExplanationRubric.Judge(misconception, explanation));

    [Fact]
    public void The_rubric_covers_a_misconception_of_every_seed_skill_the_engine_plants_in_a_worked_solution()
    {
        var engine = new MathEngine();
        foreach (var skill in SeedProblems.Skills)
        {
            var planted = new HashSet<string>();
            foreach (var problem in SeedProblems.For(skill)!)
            {
                for (var seed = 0; seed < 6; seed++)
                {
                    planted.Add(engine.ErrorSolution(problem, seed).Misconception.ToString());
                }
            }

            Assert.Contains(planted, ExplanationRubric.Covers);
        }
    }
}
