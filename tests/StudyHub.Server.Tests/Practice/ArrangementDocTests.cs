using System.Globalization;
using System.Text.Json;
using StudyHub.Kernel.Errors;
using StudyHub.Practice.Domain;

namespace StudyHub.Server.Tests.Practice;

/// <summary>The match/order worked examples and refusals of docs/practice.md, read from the page and graded by the code.</summary>
public sealed class ArrangementDocTests
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;
    private static readonly string[] MatchItems = ["a", "b", "c", "d"];
    private static readonly string[] MatchTargets = ["1", "2", "3", "4"];
    private static readonly string[] OrderItems = ["a", "b", "c", "d", "e"];

    public static TheoryData<string> Examples() => Rows("arrangement-examples");

    public static TheoryData<string> Refusals() => Rows("arrangement-refusals");

    [Fact]
    public void The_page_holds_the_examples()
    {
        Assert.True(Examples().Count >= 5);
        Assert.True(Refusals().Count >= 9);
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void A_worked_example_grades_and_scores_as_the_page_says(string row)
    {
        var cells = Cells(row);
        var answer = JsonDocument.Parse(cells[3]).RootElement;
        var parts = cells[1] == "match"
            ? Arrangement.GradePairs(Arrangement.ReadPairs(answer, MatchItems, MatchTargets), Arrangement.PairsKey(cells[2]))
            : Arrangement.GradeSequence(Arrangement.ReadSequence(answer, OrderItems), Arrangement.SequenceKey(cells[2]));
        var fraction = Arrangement.FractionRight(parts);
        Assert.Equal(cells[4], $"{parts.Count(p => p.Right)} of {parts.Count}");
        Assert.Equal(decimal.Parse(cells[5], Invariant), fraction);

        var type = cells[1] == "match" ? QuestionType.Match : QuestionType.Order;
        var points = Scoring.Score(new ScoreInput(
            fraction, 1, TimeSpan.FromSeconds(int.Parse(cells[6], Invariant)), Scoring.DefaultTimeLimit(type), 0, int.Parse(cells[7], Invariant)));
        Assert.Equal(int.Parse(cells[8], Invariant), points.Total);
        Assert.Equal(int.Parse(cells[9], Invariant), points.StreakAfter);
    }

    [Theory]
    [MemberData(nameof(Refusals))]
    public void A_refused_answer_is_refused_with_the_pages_reason(string row)
    {
        var cells = Cells(row);
        var answer = JsonDocument.Parse(cells[2]).RootElement;
        var refused = Assert.Throws<ValidationFailedException>(() =>
        {
            if (cells[1] == "match")
            {
                Arrangement.ReadPairs(answer, MatchItems, MatchTargets);
            }
            else
            {
                Arrangement.ReadSequence(answer, OrderItems);
            }
        });
        Assert.Contains(cells[3], refused.Errors["answer"]);
    }

    [Fact]
    public void Both_match_forms_store_the_same_canonical_answer()
    {
        var asObject = Arrangement.ReadPairs(JsonDocument.Parse("""{"d":"3","a":"2","c":"4","b":"1"}""").RootElement, MatchItems, MatchTargets);
        var asList = Arrangement.ReadPairs(JsonDocument.Parse("""[["b","1"],["a","2"],["d","3"],["c","4"]]""").RootElement, MatchItems, MatchTargets);
        Assert.Equal(Arrangement.Canonical(asObject), Arrangement.Canonical(asList));
        Assert.Equal("""{"a":"2","b":"1","c":"4","d":"3"}""", Arrangement.Canonical(asList));
    }

    [Theory]
    [InlineData("\"a\"")]
    [InlineData("42")]
    [InlineData("""[["a","1","x"]]""")]
    [InlineData("""{"a":1}""")]
    [InlineData("""[["a","1"],["b","2"],["c","3"],["d","4"],["a","1"],["b","2"],["c","3"],["d","4"],["a","1"],["b","2"],["c","3"],["d","4"],["a","1"]]""")]
    public void Other_shapes_are_refused(string json) =>
        Assert.Throws<ValidationFailedException>(() => Arrangement.ReadPairs(JsonDocument.Parse(json).RootElement, MatchItems, MatchTargets));

    private static string[] Cells(string row) =>
        [.. row.Trim().Trim('|').Split('|').Select(c => c.Trim().Trim('`'))];

    private static TheoryData<string> Rows(string marker)
    {
        var lines = File.ReadAllLines(RepositoryFiles.PathOf("docs/practice.md"));
        var start = Array.FindIndex(lines, l => l.Contains(marker + ":start", StringComparison.Ordinal));
        var end = Array.FindIndex(lines, l => l.Contains(marker + ":end", StringComparison.Ordinal));
        var data = new TheoryData<string>();
        foreach (var line in lines[(start + 1)..end].Where(l => l.StartsWith("| ", StringComparison.Ordinal) && char.IsDigit(l[2])))
        {
            data.Add(line);
        }

        return data;
    }
}
