using StudyHub.Progress.Domain;

namespace StudyHub.Progress.Tests;

/// <summary>P(L) replayed from the evidence in answer order: the same whatever order it arrived in.</summary>
public class MasteryReplayTests
{
    private static readonly DateTime Start = new(2026, 11, 24, 9, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Replaying_right_right_right_gives_the_worked_example_and_dates_mastery_at_the_third()
    {
        var mastery = new SkillMastery { StudentId = Guid.NewGuid(), SkillId = "math.fractions" };
        var steps = mastery.Replay([Result(2, true), Result(0, true), Result(1, true)], BktParameters.Default);

        // docs/progress.md: 0.66, 0.9127, 0.9823 — in answer order, not in the order given.
        Assert.Equal([0.66, 0.9127, 0.9823], steps.Select(s => Math.Round(s.PKnown, 4)));
        Assert.Equal([Start, Start.AddMinutes(1), Start.AddMinutes(2)], steps.Select(s => s.Result.FirstAnsweredAt));
        Assert.Equal(0.9823, Math.Round(mastery.PKnown, 4));
        Assert.Equal((3, 3), (mastery.Evidence, mastery.CorrectEvidence));
        Assert.Equal(Start.AddMinutes(2), mastery.MasteredAt);
        Assert.Equal(Start.AddMinutes(2), mastery.UpdatedAt);
    }

    [Fact]
    public void Order_matters_to_bkt_so_a_late_wrong_answer_is_traced_where_it_was_given()
    {
        // Wrong then right is not right then wrong (learning happens between them).
        var wrongFirst = new SkillMastery { SkillId = "s" };
        wrongFirst.Replay([Result(1, true), Result(0, false)], BktParameters.Default);
        var rightFirst = new SkillMastery { SkillId = "s" };
        rightFirst.Replay([Result(0, true), Result(1, false)], BktParameters.Default);
        Assert.NotEqual(wrongFirst.PKnown, rightFirst.PKnown);

        // 0.184 after the wrong answer, then right: 0.184·0.9 / (0.184·0.9 + 0.816·0.2) = 0.5036, + 0.4964·0.15 = 0.5781.
        Assert.Equal(0.5781, Math.Round(wrongFirst.PKnown, 4));
        Assert.Null(wrongFirst.MasteredAt);
    }

    private static QuestionResult Result(int minute, bool correct) => new()
    {
        QuestionId = Guid.NewGuid(),
        SkillId = "math.fractions",
        Correct = correct,
        Attempts = 1,
        TimeTakenMs = 10_000,
        TimeLimitMs = 30_000,
        FirstAnsweredAt = Start.AddMinutes(minute),
        LastAnsweredAt = Start.AddMinutes(minute),
    };
}
