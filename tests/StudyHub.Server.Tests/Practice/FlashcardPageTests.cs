using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using StudyHub.Kernel.Text;
using StudyHub.Practice.Domain;
using StudyHub.Practice.Features;
using StudyHub.Server.Tests.Infrastructure;

namespace StudyHub.Server.Tests.Practice;

/// <summary>The flashcard pages: making decks, reviewing one card at a time with forms that post and redirect, and the day's end.</summary>
public sealed class FlashcardPageTests : IDisposable
{
    private readonly FakeHomework _homework = new();
    private readonly StudyHubFactory _factory;

    public FlashcardPageTests() => _factory = PracticeHost.Create(_homework);

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task A_student_makes_a_homework_deck_reviews_each_card_once_per_click_and_ends_the_day_knowing_when_cards_return()
    {
        var student = await _factory.RegisterAndSignInAsync("student");
        await PracticeHost.EnsureJobsTableAsync(_factory);
        var homeworkId = Homework(student.Id, ("2x+3=11", "x = 4"), ("Explain photosynthesis", null), ("3/4+5/6", "19/12"));
        using var browser = await WebBrowser.SignedInAsync(_factory, student);

        var empty = await browser.GetPageAsync("/flashcards");
        Assert.Contains("No cards yet: make a deck below", empty, StringComparison.Ordinal);

        var made = await browser.SubmitAsync($"/flashcards?homework={homeworkId}", "deck", new() { ["homework"] = homeworkId.ToString() });
        var decks = await browser.GetPageAsync(WebBrowser.RedirectPath(made));
        Assert.Contains("Your deck “Worksheet” is ready with 2 cards.", decks, StringComparison.Ordinal);
        Assert.Contains("2 cards · 2 due today · from a homework", WebUtility.HtmlDecode(decks), StringComparison.Ordinal);
        Assert.Contains("<a class=\"button\" href=\"/flashcards/review\">Review now</a>", decks, StringComparison.Ordinal);

        // The front is typeset, the answer waits behind "Show answer", and each button says when the card comes back.
        var review = await browser.GetPageAsync("/flashcards/review");
        Assert.Contains("2 cards to go today", review, StringComparison.Ordinal);
        Assert.Contains($"Solve: <span class=\"math-tex\">{MathTex.FromPlain("2x+3=11")}</span>", WebUtility.HtmlDecode(review), StringComparison.Ordinal);
        Assert.Matches("<details class=\"flashcard-back\"><summary class=\"button button-ghost\">Show answer</summary>\\s*<p class=\"flashcard-answer\"><span class=\"math-tex\">" + Regex.Escape(MathTex.FromPlain("x = 4")) + "</span>", WebUtility.HtmlDecode(review));
        var now = _factory.Clock.GetUtcNow().UtcDateTime;
        foreach (var (rating, label) in new[] { (Rating.Again, "Again"), (Rating.Hard, "Hard"), (Rating.Good, "Good"), (Rating.Easy, "Easy") })
        {
            var days = Fsrs.Review(null, null, now, rating).IntervalDays;
            Assert.Matches($"value=\"{label.ToLowerInvariant()}\"[^>]*>\\s*<span class=\"rating-name\">{label}</span>\\s*<span class=\"rating-when\">{(days == 1 ? "1 day" : $"{days} days")}</span>", review);
        }

        var token = WebBrowser.AntiforgeryToken(review);
        var fields = new Dictionary<string, string> { ["card"] = WebBrowser.InputValue(review, "card"), ["key"] = WebBrowser.InputValue(review, "key"), ["rating"] = "good" };
        var first = await browser.PostAsync("/flashcards/review", "review", token, fields);
        var resent = await browser.PostAsync("/flashcards/review", "review", token, fields);
        var goodDays = Fsrs.Review(null, null, now, Rating.Good).IntervalDays;
        Assert.Equal($"/flashcards/review?rated=good&days={goodDays}", WebBrowser.RedirectPath(first));
        Assert.Equal(WebBrowser.RedirectPath(first), WebBrowser.RedirectPath(resent));
        Assert.Equal(1, await PracticeHost.WithDbAsync(_factory, db => db.FlashcardReviews.CountAsync(r => r.StudentId == student.Id)));

        var second = await browser.GetPageAsync(WebBrowser.RedirectPath(first));
        Assert.Contains($"Good: you'll see that card again in {goodDays} days.", WebUtility.HtmlDecode(second), StringComparison.Ordinal);
        Assert.Contains("1 card to go today", second, StringComparison.Ordinal);
        Assert.Contains($"<span class=\"math-tex\">{MathTex.FromPlain("3/4+5/6")}</span>", WebUtility.HtmlDecode(second), StringComparison.Ordinal);
        var last = await browser.PostAsync("/flashcards/review", "review", WebBrowser.AntiforgeryToken(second),
            new() { ["card"] = WebBrowser.InputValue(second, "card"), ["key"] = WebBrowser.InputValue(second, "key"), ["rating"] = "easy" });

        var done = await browser.GetPageAsync(WebBrowser.RedirectPath(last));
        Assert.Contains("All done for today", done, StringComparison.Ordinal);
        Assert.Contains("You reviewed 2 cards today.", done, StringComparison.Ordinal);
        Assert.Contains(goodDays == 1 ? "The next card is due tomorrow." : $"(in {goodDays} days)", done, StringComparison.Ordinal);
        Assert.Contains("All done for today.", await browser.GetPageAsync("/flashcards"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_skill_deck_needs_a_skill_and_the_error_sits_next_to_the_field()
    {
        var student = await _factory.RegisterAndSignInAsync("student");
        using var browser = await WebBrowser.SignedInAsync(_factory, student);

        var missing = await browser.SubmitAsync("/flashcards", "deck", []);
        Assert.Equal(HttpStatusCode.OK, missing.StatusCode);
        var page = await missing.Content.ReadAsStringAsync();
        Assert.Contains("<p id=\"skill-error\" class=\"field-error\">Choose a skill.</p>", page, StringComparison.Ordinal);
        Assert.Contains("aria-describedby=\"skill-error skill-hint\"", page, StringComparison.Ordinal);

        var made = await browser.SubmitAsync("/flashcards", "deck", new() { ["skill"] = "math.linear-equations" });
        var decks = await browser.GetPageAsync(WebBrowser.RedirectPath(made));
        Assert.Matches("Your deck “[^”]+” is ready with \\d+ cards.", WebUtility.HtmlDecode(decks));
        Assert.Contains("from Linear equations", WebUtility.HtmlDecode(decks), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Another_students_homework_and_card_are_the_not_found_page_and_a_teacher_is_told_whom_flashcards_are_for()
    {
        var owner = await _factory.RegisterAndSignInAsync("student");
        var other = await _factory.RegisterAndSignInAsync("student");
        var teacher = await _factory.RegisterAndSignInAsync("teacher");
        var homeworkId = Homework(owner.Id, ("2x=8", "x = 4"));
        using var ownerApi = _factory.CreateClientFor(owner);
        Assert.Equal(HttpStatusCode.Created, (await ownerApi.PostAsJsonAsync("/api/v1/flashcards/decks", new { homeworkId })).StatusCode);
        var cardId = await PracticeHost.WithDbAsync(_factory, db => db.Flashcards.Where(c => c.StudentId == owner.Id).Select(c => c.Id).SingleAsync());

        using var browser = await WebBrowser.SignedInAsync(_factory, other);
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync($"/flashcards?homework={homeworkId}")).StatusCode);
        var page = await browser.GetPageAsync("/flashcards/review");
        Assert.Contains("All done for today", page, StringComparison.Ordinal);
        var forged = await browser.PostAsync("/flashcards/review", "review", WebBrowser.AntiforgeryToken(page),
            new() { ["card"] = cardId.ToString(), ["key"] = Guid.NewGuid().ToString("N"), ["rating"] = "easy" });
        Assert.Equal(HttpStatusCode.NotFound, forged.StatusCode);
        Assert.Equal(0, await PracticeHost.WithDbAsync(_factory, db => db.FlashcardReviews.CountAsync()));

        using var teacherBrowser = await WebBrowser.SignedInAsync(_factory, teacher);
        Assert.Contains("Flashcards are for students.", await teacherBrowser.GetPageAsync("/flashcards"), StringComparison.Ordinal);
        Assert.Contains("Flashcards are for students.", await teacherBrowser.GetPageAsync("/flashcards/review"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_deck_list_counts_cards_due_today_for_the_student_only()
    {
        var student = await _factory.RegisterAndSignInAsync("student");
        var teacher = await _factory.RegisterAndSignInAsync("teacher");
        using var client = _factory.CreateClientFor(student);
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync("/api/v1/flashcards/decks", new { homeworkId = Homework(student.Id, ("2x=8", "x = 4"), ("x+1=3", "x = 2")) })).StatusCode);

        var decks = (await client.GetFromJsonAsync<List<FlashcardDeckSummary>>("/api/v1/flashcards/decks"))!;
        var deck = Assert.Single(decks);
        Assert.Equal(("Worksheet", 2, 2), (deck.Title, deck.CardCount, deck.DueToday));

        using var anonymous = _factory.CreateClient();
        using var teacherClient = _factory.CreateClientFor(teacher);
        await (await anonymous.GetAsync(new Uri("/api/v1/flashcards/decks", UriKind.Relative))).AssertProblemAsync(HttpStatusCode.Unauthorized);
        await (await teacherClient.GetAsync(new Uri("/api/v1/flashcards/decks", UriKind.Relative))).AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden_role");
        using var otherClient = _factory.CreateClientFor(await _factory.RegisterAndSignInAsync("student"));
        Assert.Empty((await otherClient.GetFromJsonAsync<List<FlashcardDeckSummary>>("/api/v1/flashcards/decks"))!);
    }

    private Guid Homework(Guid ownerId, params (string Text, string? Answer)[] problems) => _homework.Add(ownerId, problems);
}
