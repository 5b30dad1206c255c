using System.Text.Json;
using StudyHub.Practice.Domain;

namespace StudyHub.Server.Tests.Practice;

/// <summary>
/// Our FSRS-6 against the reference implementation, ts-fsrs 5.4.2, run by node from
/// tests/fsrs-reference (scripts/test.sh installs it). A missing node or ts-fsrs fails the test:
/// the comparison is the point.
/// </summary>
public sealed class FsrsReferenceTests
{
    private static readonly DateTime Start = new(2026, 1, 5, 12, 0, 0, DateTimeKind.Utc);

    // Review sequences as (day since the first review, rating): learning, lapses, same-day
    // repeats, long gaps, overdue and early reviews, every rating first.
    private static readonly (int Day, Rating Rating)[][] Sequences =
    [
        [(0, Rating.Good), (3, Rating.Good), (17, Rating.Good), (60, Rating.Good), (200, Rating.Good)],
        [(0, Rating.Again), (0, Rating.Again), (1, Rating.Hard), (2, Rating.Good), (5, Rating.Easy), (30, Rating.Again)],
        [(0, Rating.Hard), (1, Rating.Hard), (2, Rating.Hard), (4, Rating.Again), (5, Rating.Good)],
        [(0, Rating.Easy), (10, Rating.Easy), (50, Rating.Hard), (51, Rating.Easy), (400, Rating.Again), (401, Rating.Good)],
        [(0, Rating.Good), (1, Rating.Again), (1, Rating.Good), (1, Rating.Easy), (3, Rating.Again), (900, Rating.Good)],
        [(0, Rating.Again), (1, Rating.Again), (2, Rating.Again), (3, Rating.Again), (4, Rating.Easy), (5, Rating.Easy), (6, Rating.Easy)],
    ];

    [Fact]
    public async Task Stability_difficulty_and_intervals_equal_the_reference()
    {
        var expected = await RunReferenceAsync();
        Assert.Equal(Sequences.Length, expected.GetArrayLength());

        for (var s = 0; s < Sequences.Length; s++)
        {
            MemoryState? state = null;
            DateTime? last = null;
            var steps = expected[s];
            for (var r = 0; r < Sequences[s].Length; r++)
            {
                var (day, rating) = Sequences[s][r];
                var at = Start.AddDays(day);
                var review = Fsrs.Review(state, last, at, rating);
                var want = steps[r];
                var where = $"sequence {s}, review {r} (day {day}, {rating})";
                Assert.True(System.Math.Abs(want.GetProperty("stability").GetDouble() - review.State.Stability) <= 1e-6, $"stability at {where}: {review.State.Stability} vs {want.GetProperty("stability")}");
                Assert.True(System.Math.Abs(want.GetProperty("difficulty").GetDouble() - review.State.Difficulty) <= 1e-6, $"difficulty at {where}: {review.State.Difficulty} vs {want.GetProperty("difficulty")}");
                Assert.True(want.GetProperty("scheduledDays").GetInt32() == review.IntervalDays, $"interval at {where}: {review.IntervalDays} vs {want.GetProperty("scheduledDays")}");
                Assert.Equal(at.AddDays(review.IntervalDays), review.DueAt);
                state = review.State;
                last = at;
            }
        }
    }

    [Fact]
    public void A_good_first_review_matches_the_published_defaults()
    {
        // w2 = 2.3065 is FSRS-6's initial stability for "good"; D0(3) = w4 − e^(2·w5) + 1.
        var review = Fsrs.Review(null, null, Start, Rating.Good);
        Assert.Equal(2.3065, review.State.Stability);
        Assert.Equal(2.11810397, review.State.Difficulty, 8);
        Assert.Equal(3, review.IntervalDays);
    }

    private static Task<JsonElement> RunReferenceAsync() =>
        FsrsReference.RunAsync("expected.cjs", JsonSerializer.Serialize(Sequences.Select(seq => seq.Select(r => new { day = r.Day, rating = (int)r.Rating }))));
}
