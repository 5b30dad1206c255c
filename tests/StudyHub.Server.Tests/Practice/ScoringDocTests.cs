using System.Globalization;
using StudyHub.Practice.Domain;

namespace StudyHub.Server.Tests.Practice;

/// <summary>The worked examples of docs/scoring.md, read from the page itself and scored by the code.</summary>
public sealed class ScoringDocTests
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static TheoryData<string> Examples()
    {
        var data = new TheoryData<string>();
        foreach (var row in ExampleRows())
        {
            data.Add(row);
        }

        return data;
    }

    [Fact]
    public void The_page_holds_the_worked_examples() => Assert.True(ExampleRows().Count >= 15);

    [Theory]
    [MemberData(nameof(Examples))]
    public void A_worked_example_scores_as_the_page_says(string row)
    {
        var cells = row.Trim().Trim('|').Split('|').Select(c => c.Trim()).ToArray();
        var type = cells[1] switch
        {
            "multiple choice" => QuestionType.MultipleChoice,
            "free answer" => QuestionType.FreeAnswer,
            "match" => QuestionType.Match,
            "order" => QuestionType.Order,
            "identify the error" => QuestionType.IdentifyTheError,
            var other => throw new InvalidOperationException("Unknown question type in docs/scoring.md: " + other),
        };
        var limit = Scoring.EffectiveTimeLimit(
            type,
            TimeSpan.FromSeconds(int.Parse(cells[5], Invariant)),
            decimal.Parse(cells[6], Invariant));

        var points = Scoring.Score(new ScoreInput(
            decimal.Parse(cells[2], Invariant),
            int.Parse(cells[3], Invariant),
            TimeSpan.FromSeconds(double.Parse(cells[4], Invariant)),
            limit,
            int.Parse(cells[7], Invariant),
            int.Parse(cells[8], Invariant)));

        Assert.Equal(cells[9], System.Math.Round(points.TimeBonus, 2, MidpointRounding.AwayFromZero).ToString("0.00", Invariant));
        Assert.Equal(int.Parse(cells[10], Invariant), points.StreakBonus);
        Assert.Equal(int.Parse(cells[11], Invariant), points.Total);
        Assert.Equal(int.Parse(cells[12], Invariant), points.StreakAfter);
    }

    [Fact]
    public void Default_limits_are_the_seeds()
    {
        Assert.Equal(TimeSpan.FromSeconds(30), Scoring.DefaultTimeLimit(QuestionType.MultipleChoice));
        Assert.Equal(TimeSpan.FromSeconds(60), Scoring.DefaultTimeLimit(QuestionType.FreeAnswer));
        Assert.Equal(TimeSpan.FromSeconds(90), Scoring.DefaultTimeLimit(QuestionType.Match));
        Assert.Equal(TimeSpan.FromSeconds(90), Scoring.DefaultTimeLimit(QuestionType.Order));
        Assert.Equal(TimeSpan.FromSeconds(90), Scoring.EffectiveTimeLimit(QuestionType.MultipleChoice, null, 3m));
    }

    [Theory]
    [InlineData(0, 0, 0)]
    [InlineData(4, 0, 0)]
    [InlineData(1, 4, 0)]
    [InlineData(1, 0, -1)]
    public void Impossible_inputs_are_refused(int attempt, int hints, int streakBefore) =>
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            Scoring.Score(new ScoreInput(1m, attempt, TimeSpan.Zero, TimeSpan.FromSeconds(30), hints, streakBefore)));

    private static List<string> ExampleRows()
    {
        var lines = File.ReadAllLines(RepositoryFiles.PathOf("docs/scoring.md"));
        var start = Array.FindIndex(lines, l => l.Contains("scoring-examples:start", StringComparison.Ordinal));
        var end = Array.FindIndex(lines, l => l.Contains("scoring-examples:end", StringComparison.Ordinal));
        return lines[(start + 1)..end].Where(l => l.StartsWith("| ", StringComparison.Ordinal) && char.IsDigit(l[2])).ToList();
    }
}
