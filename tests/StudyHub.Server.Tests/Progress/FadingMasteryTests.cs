using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using StudyHub.Kernel.Learning;
using StudyHub.Progress.Domain;
using StudyHub.Server.Tests.Infrastructure;
using StudyHub.Server.Tests.Practice;

namespace StudyHub.Server.Tests.Progress;

/// <summary>"Mastered, fading": flashcard reviews (as the outbox delivers them) keep each skill's FSRS retrievability.</summary>
public sealed class FadingMasteryTests : IDisposable
{
    private readonly StudyHubFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task A_mastered_skill_fades_once_its_cards_recall_drops_below_90_percent_and_a_review_freshens_it()
    {
        var student = await _factory.RegisterAndSignInAsync("student");
        for (var i = 0; i < 3; i++)
        {
            await ProgressApiTests.AnswerAsync(_factory, student.Id, "math.fractions", Guid.NewGuid(), correct: true); // 0.9823: mastered
        }

        var card = Guid.NewGuid();
        var reviewedAt = _factory.Clock.GetUtcNow().UtcDateTime;
        var firstReview = Review(student.Id, card, "math.fractions", stability: 2.3065, reviewedAt); // a first "good": S = w2
        await DeliverAsync(firstReview);
        await DeliverAsync(Review(student.Id, Guid.NewGuid(), null, stability: 1, reviewedAt));      // a homework card without a skill: ignored

        var today = await FractionsAsync(student);
        Assert.True(today.Mastered);
        Assert.Equal(1.0, today.Retrievability);
        Assert.False(today.Fading);

        // Three days on, past the card's stability: R(3) = (1 + factor·3/2.3065)^−0.1542 < 0.9.
        _factory.Clock.Advance(TimeSpan.FromDays(3));
        var later = await FractionsAsync(student);
        Assert.True(later.Fading);
        Assert.Equal(System.Math.Round(ForgettingCurve.Retrievability(3, 2.3065), 4), later.Retrievability);
        Assert.InRange(later.Retrievability!.Value, 0.85, 0.9);

        // The same event again, or an older review arriving late, changes nothing.
        await DeliverAsync(firstReview);
        await DeliverAsync(Review(student.Id, card, "math.fractions", stability: 50, reviewedAt.AddHours(-1)));
        Assert.Equal(later, await FractionsAsync(student));

        // A review today (S grows to about 10 days): fresh again.
        await DeliverAsync(Review(student.Id, card, "math.fractions", stability: 10.5, _factory.Clock.GetUtcNow().UtcDateTime));
        var reviewed = await FractionsAsync(student);
        Assert.Equal((1.0, false), (reviewed.Retrievability, reviewed.Fading));
    }

    [Fact]
    public async Task The_page_says_mastered_fading_and_how_much_the_cards_are_likely_recalled()
    {
        var student = await _factory.RegisterAndSignInAsync("student");
        for (var i = 0; i < 3; i++)
        {
            await ProgressApiTests.AnswerAsync(_factory, student.Id, "math.fractions", Guid.NewGuid(), correct: true);
        }

        // An older event without the stability: the interval it scheduled stands in for it.
        await DeliverAsync(new FlashcardReviewed(Guid.NewGuid(), student.Id, Guid.NewGuid(), "math.fractions", 3, 3,
            _factory.Clock.GetUtcNow().UtcDateTime.AddDays(3), _factory.Clock.GetUtcNow().UtcDateTime));
        _factory.Clock.Advance(TimeSpan.FromDays(6));

        using var web = await WebSession.SignInAsync(_factory, student);
        var html = System.Net.WebUtility.HtmlDecode(await web.PageAsync("/progress"));
        Assert.Contains("Mastered, fading", html, StringComparison.Ordinal);
        Assert.Contains($"Flashcards: {System.Math.Round(100 * ForgettingCurve.Retrievability(6, 3)):0}% likely recalled today", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_forgetting_curve_equals_the_reference_implementation()
    {
        (double ElapsedDays, double Stability)[] points = [(0, 2.3065), (1, 2.3065), (2.3065, 2.3065), (3, 2.3065), (10, 3.5), (30, 10), (365, 40), (0.25, 0.5), (1000, 100)];
        var expected = await RunReferenceAsync(points);

        for (var i = 0; i < points.Length; i++)
        {
            var (t, s) = points[i];
            var ours = ForgettingCurve.Retrievability(t, s);
            Assert.True(System.Math.Abs(expected[i] - ours) <= 1e-6, $"R({t}, {s}): ours {ours}, reference {expected[i]}");
        }

        // By construction R(S) = 0.9: the curve's stability is the day recall falls to 90%.
        Assert.Equal(0.9, ForgettingCurve.Retrievability(7, 7), 10);
    }

    private async Task<ProgressSkill> FractionsAsync(TestAccount student)
    {
        // Days pass in these tests: sign in again rather than rely on the first access token.
        using var client = await PracticeHost.SignInAgainAsync(_factory, student);
        var progress = await client.GetFromJsonAsync<JsonElement>($"/api/v1/students/{student.Id}/progress");
        return progress.GetProperty("skills").EnumerateArray()
            .Select(s => s.Deserialize<ProgressSkill>(JsonSerializerOptions.Web)!)
            .Single(s => s.SkillId == "math.fractions");
    }

    private static FlashcardReviewed Review(Guid studentId, Guid cardId, string? skillId, double stability, DateTime at) =>
        new(Guid.NewGuid(), studentId, cardId, skillId, 3, (int)System.Math.Round(stability), at.AddDays(System.Math.Round(stability)), at, stability);

    private Task DeliverAsync(FlashcardReviewed review) => ProgressApiTests.DeliverAsync(_factory, review);

    private static async Task<double[]> RunReferenceAsync((double ElapsedDays, double Stability)[] points) =>
        (await FsrsReference.RunAsync("retrievability.cjs", JsonSerializer.Serialize(points.Select(p => new { elapsedDays = p.ElapsedDays, stability = p.Stability }))))
            .EnumerateArray().Select(r => r.GetDouble()).ToArray();

    private sealed record ProgressSkill(string SkillId, double Mastery, bool Mastered, double? Retrievability, bool Fading);
}
