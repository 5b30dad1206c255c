using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using StudyHub.Kernel.Jobs;
using StudyHub.Kernel.Learning;
using StudyHub.Practice.Domain;
using StudyHub.Practice.Features;
using StudyHub.Server.Tests.Infrastructure;

namespace StudyHub.Server.Tests.Practice;

/// <summary>Flashcards as a student uses them: decks from homework or a skill, due cards per day, FSRS reviews.</summary>
public sealed class FlashcardTests : IDisposable
{
    private readonly FakeHomework _homework = new();
    private readonly StudyHubFactory _factory;

    public FlashcardTests() => _factory = PracticeHost.Create(_homework);

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task A_homework_deck_has_a_card_per_keyed_problem_and_reviews_schedule_it_as_FSRS_does()
    {
        var student = await _factory.RegisterAndSignInAsync("student");
        var client = _factory.CreateClientFor(student);
        var homeworkId = Homework(student.Id, ("2x+3=11", "x = 4"), ("Explain photosynthesis", null), ("3/4+5/6", "19/12"));

        var deck = await CreateDeckAsync(client, new { homeworkId });
        Assert.Equal(2, deck.CardCount);
        var due = await DueAsync(client);
        Assert.Equal(["Solve: 2x+3=11", "Solve: 3/4+5/6"], due.Cards.Select(c => c.Front));
        Assert.Equal(["x = 4", "19/12"], due.Cards.Select(c => c.Back));
        Assert.All(due.Cards, c => Assert.True(c.IsNew));

        var card = due.Cards[0].Id;
        var firstAt = _factory.Clock.GetUtcNow().UtcDateTime;
        var first = await ReviewAsync(client, card, "good");
        var expected = Fsrs.Review(null, null, firstAt, Rating.Good);
        Assert.Equal((expected.State.Stability, expected.State.Difficulty, expected.IntervalDays, expected.DueAt),
            (first.Stability, first.Difficulty, first.IntervalDays, first.DueAt));
        Assert.Equal([due.Cards[1].Id], (await DueAsync(client)).Cards.Select(c => c.Id));

        // Once its interval has passed, the card is due again; forgetting it is scheduled from its state.
        _factory.Clock.Advance(TimeSpan.FromDays(first.IntervalDays));
        client = await PracticeHost.SignInAgainAsync(_factory, student);
        var again = await DueAsync(client);
        Assert.Contains(again.Cards, c => c.Id == card && !c.IsNew);
        var lapse = await ReviewAsync(client, card, "again");
        var expectedLapse = Fsrs.Review(expected.State, firstAt, _factory.Clock.GetUtcNow().UtcDateTime, Rating.Again);
        Assert.Equal((expectedLapse.State.Stability, expectedLapse.State.Difficulty, expectedLapse.IntervalDays),
            (lapse.Stability, lapse.Difficulty, lapse.IntervalDays));
        var stored = await PracticeHost.WithDbAsync(_factory, db => db.Flashcards.SingleAsync(c => c.Id == card));
        Assert.Equal((2, 1), (stored.Reviews, stored.Lapses));
    }

    [Fact]
    public async Task A_skill_deck_is_made_from_the_engines_variants_and_a_deck_needs_exactly_one_source()
    {
        var student = await _factory.RegisterAndSignInAsync("student");
        using var client = _factory.CreateClientFor(student);

        var deck = await CreateDeckAsync(client, new { skillId = "math.linear-equations" });
        Assert.InRange(deck.CardCount, 3, CreateFlashcardDeck.SkillDeckSize);
        Assert.Equal("Linear equations", deck.Title); // the catalogue's name, not the skill id
        Assert.All((await DueAsync(client)).Cards, c => Assert.StartsWith("Solve: ", c.Front, StringComparison.Ordinal));

        await (await client.PostAsJsonAsync("/api/v1/flashcards/decks", new { skillId = "math.astrology" })).AssertProblemAsync(HttpStatusCode.BadRequest);
        await (await client.PostAsJsonAsync("/api/v1/flashcards/decks", new { })).AssertProblemAsync(HttpStatusCode.BadRequest);
        var both = new { skillId = "math.fractions", homeworkId = Homework(student.Id, ("1+1", "2")) };
        await (await client.PostAsJsonAsync("/api/v1/flashcards/decks", both)).AssertProblemAsync(HttpStatusCode.BadRequest);
        var unkeyed = Homework(student.Id, ("Describe the water cycle", null));
        await (await client.PostAsJsonAsync("/api/v1/flashcards/decks", new { homeworkId = unkeyed })).AssertProblemAsync(HttpStatusCode.Conflict, "no_cards");
    }

    [Fact]
    public async Task A_review_is_idempotent_by_its_key_and_a_reused_key_with_another_rating_is_a_conflict()
    {
        var student = await _factory.RegisterAndSignInAsync("student");
        using var client = _factory.CreateClientFor(student);
        await CreateDeckAsync(client, new { homeworkId = Homework(student.Id, ("2x=8", "x = 4")) });
        var card = (await DueAsync(client)).Cards[0].Id;

        var first = await ReviewAsync(client, card, "easy", "key-1");
        _factory.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(first, await ReviewAsync(client, card, "easy", "key-1"));
        await (await SendReviewAsync(client, card, "hard", "key-1")).AssertProblemAsync(HttpStatusCode.Conflict, "idempotency_key_reused");
        await (await SendReviewAsync(client, card, "good", null)).AssertProblemAsync(HttpStatusCode.BadRequest);
        await (await SendReviewAsync(client, card, "perfect", "key-2")).AssertProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal(1, await PracticeHost.WithDbAsync(_factory, db => db.FlashcardReviews.CountAsync(r => r.CardId == card)));
        Assert.Equal(ReviewFlashcard.PointsPerDueReview, (await DailyTotalAsync(client)));
    }

    [Fact]
    public async Task A_review_is_logged_published_through_the_outbox_and_earns_daily_points_only_when_due()
    {
        var student = await _factory.RegisterAndSignInAsync("student");
        using var client = _factory.CreateClientFor(student);
        await CreateDeckAsync(client, new { homeworkId = Homework(student.Id, ("2x=8", "x = 4"), ("x+1=3", "x = 2")) });
        var cards = (await DueAsync(client)).Cards;

        var due = await ReviewAsync(client, cards[0].Id, "good");
        var early = await ReviewAsync(client, cards[0].Id, "good"); // not due again yet: scheduled, no points
        Assert.Equal((ReviewFlashcard.PointsPerDueReview, 0), (due.Points, early.Points));
        await ReviewAsync(client, cards[1].Id, "hard");

        Assert.Equal(2 * ReviewFlashcard.PointsPerDueReview, await DailyTotalAsync(client));
        var weekly = await (await client.GetAsync(new Uri("/api/v1/leaderboards/weekly", UriKind.Relative))).Content.ReadFromJsonAsync<LeaderboardView>();
        Assert.Null(weekly!.You); // practice reaches the daily board only

        var events = await PracticeHost.WithDbAsync(_factory, db => db.Set<Job>().Where(j => j.Kind == IntegrationEvents.KindOf<FlashcardReviewed>()).CountAsync());
        Assert.Equal(3, events);
        var logged = await PracticeHost.WithDbAsync(_factory, db => db.LearningEvents.Where(e => e.StudentId == student.Id && e.Kind == LearningEventKind.FlashcardReviewed).ToListAsync());
        Assert.Equal(3, logged.Count);
        Assert.All(logged, e => Assert.Contains(e.QuestionId!.Value, cards.Select(c => c.Id)));
    }

    [Fact]
    public async Task New_cards_are_capped_per_day_in_the_students_time_zone()
    {
        var student = await _factory.RegisterAndSignInAsync("student");
        var client = _factory.CreateClientFor(student);
        // 09:00 UTC is 22:00 in Auckland (UTC+13 in November): its day ends two hours later.
        await ApiClient.EnsureSuccessAsync(await client.PutAsJsonAsync("/api/v1/me/preferences", new { timeZone = "Pacific/Auckland" }));
        var problems = Enumerable.Range(1, 25).Select(i => ($"x+{i}={i + 1}", (string?)"x = 1")).ToArray();
        await CreateDeckAsync(client, new { homeworkId = Homework(student.Id, problems) });

        var due = await DueAsync(client);
        Assert.Equal(GetDueFlashcards.NewCardsPerDay, due.Cards.Count);
        Assert.Equal(new DateOnly(2026, 11, 24), due.Day);
        foreach (var card in due.Cards.Take(3))
        {
            await ReviewAsync(client, card.Id, "good");
        }

        var later = await DueAsync(client);
        Assert.Equal((GetDueFlashcards.NewCardsPerDay - 3, 3, 0), (later.Cards.Count, later.ReviewedToday, later.NewLeftToday));

        // Three hours on it is the next day in Auckland (still the same day in UTC): the cap starts over.
        _factory.Clock.Advance(TimeSpan.FromHours(3));
        client = await PracticeHost.SignInAgainAsync(_factory, student);
        var tomorrow = await DueAsync(client);
        Assert.Equal(new DateOnly(2026, 11, 25), tomorrow.Day);
        Assert.Equal(GetDueFlashcards.NewCardsPerDay, tomorrow.Cards.Count); // 20 of the 22 never reviewed; the 3 reviewed are due in 2 days
        Assert.All(tomorrow.Cards, c => Assert.True(c.IsNew));
    }

    [Fact]
    public async Task Only_the_student_reaches_their_cards()
    {
        var student = await _factory.RegisterAndSignInAsync("student");
        var other = await _factory.RegisterAndSignInAsync("student");
        var teacher = await _factory.RegisterAndSignInAsync("teacher");
        using var client = _factory.CreateClientFor(student);
        using var otherClient = _factory.CreateClientFor(other);
        using var teacherClient = _factory.CreateClientFor(teacher);
        using var anonymous = _factory.CreateClient();
        var homeworkId = Homework(student.Id, ("2x=8", "x = 4"));
        await CreateDeckAsync(client, new { homeworkId });
        var card = (await DueAsync(client)).Cards[0].Id;

        await (await anonymous.GetAsync(new Uri("/api/v1/flashcards/due", UriKind.Relative))).AssertProblemAsync(HttpStatusCode.Unauthorized);
        await (await SendReviewAsync(anonymous, card, "good", "k")).AssertProblemAsync(HttpStatusCode.Unauthorized);
        await (await anonymous.PostAsJsonAsync("/api/v1/flashcards/decks", new { homeworkId })).AssertProblemAsync(HttpStatusCode.Unauthorized);

        await (await teacherClient.GetAsync(new Uri("/api/v1/flashcards/due", UriKind.Relative))).AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden_role");
        await (await SendReviewAsync(teacherClient, card, "good", "k")).AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden_role");
        await (await teacherClient.PostAsJsonAsync("/api/v1/flashcards/decks", new { homeworkId })).AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden_role");

        await (await SendReviewAsync(otherClient, card, "good", "k")).AssertProblemAsync(HttpStatusCode.NotFound, "not_found");
        await (await SendReviewAsync(client, Guid.NewGuid(), "good", "k")).AssertProblemAsync(HttpStatusCode.NotFound, "not_found");
        await (await otherClient.PostAsJsonAsync("/api/v1/flashcards/decks", new { homeworkId })).AssertProblemAsync(HttpStatusCode.NotFound, "not_found");
        Assert.Empty((await DueAsync(otherClient)).Cards);
        Assert.Equal(0, await PracticeHost.WithDbAsync(_factory, db => db.FlashcardReviews.CountAsync()));
    }

    private Guid Homework(Guid ownerId, params (string Text, string? Answer)[] problems) => _homework.Add(ownerId, problems);

    private async Task<FlashcardDeckView> CreateDeckAsync(HttpClient client, object request)
    {
        await PracticeHost.EnsureJobsTableAsync(_factory);
        var response = await client.PostAsJsonAsync("/api/v1/flashcards/decks", request);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<FlashcardDeckView>())!;
    }

    private static async Task<DueFlashcardsView> DueAsync(HttpClient client)
    {
        var response = await client.GetAsync(new Uri("/api/v1/flashcards/due", UriKind.Relative));
        await ApiClient.EnsureSuccessAsync(response);
        return (await response.Content.ReadFromJsonAsync<DueFlashcardsView>())!;
    }

    private static Task<HttpResponseMessage> SendReviewAsync(HttpClient client, Guid cardId, string rating, string? key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/flashcards/{cardId}/reviews") { Content = JsonContent.Create(new { rating }) };
        if (key is not null)
        {
            request.Headers.Add("Idempotency-Key", key);
        }

        return client.SendAsync(request);
    }

    private static async Task<FlashcardReviewResult> ReviewAsync(HttpClient client, Guid cardId, string rating, string? key = null)
    {
        var response = await SendReviewAsync(client, cardId, rating, key ?? Guid.NewGuid().ToString());
        await ApiClient.EnsureSuccessAsync(response);
        return (await response.Content.ReadFromJsonAsync<FlashcardReviewResult>())!;
    }

    private static async Task<int?> DailyTotalAsync(HttpClient client) =>
        (await (await client.GetAsync(new Uri("/api/v1/leaderboards/daily", UriKind.Relative))).Content.ReadFromJsonAsync<LeaderboardView>())!.You?.Total;
}
