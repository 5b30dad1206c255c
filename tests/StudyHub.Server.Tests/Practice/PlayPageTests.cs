using System.Net;
using System.Net.Http.Json;
using StudyHub.Practice.Features;
using StudyHub.Server.Tests.Content;
using StudyHub.Server.Tests.Infrastructure;

namespace StudyHub.Server.Tests.Practice;

/// <summary>Playing in the browser: plain forms that post and redirect, where a resent or double-clicked form never scores twice.</summary>
public sealed class PlayPageTests : IDisposable
{
    private readonly StudyHubFactory _factory = HomeworkHost.Create();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task A_resent_answer_form_scores_once_and_reloading_the_outcome_changes_nothing()
    {
        var (student, browser, sessionId) = await StudentPlayingAsync();
        using var _ = browser;
        using var api = _factory.CreateClientFor(student);

        var page = await browser.GetPageAsync($"/play/{sessionId}");
        Assert.Contains("Question 1 of 2", page, StringComparison.Ordinal);
        Assert.Contains("Show a hint (−25% of this question's points)", page, StringComparison.Ordinal);
        var questionId = Guid.Parse(WebBrowser.InputValue(page, "question"));
        var fields = new Dictionary<string, string>
        {
            ["question"] = questionId.ToString(),
            ["attempt"] = WebBrowser.InputValue(page, "attempt"),
            ["answer"] = await PracticeHost.AnswerKeyAsync(_factory, questionId),
        };
        var token = WebBrowser.AntiforgeryToken(page);

        var first = await browser.PostAsync($"/play/{sessionId}", "answer", token, fields);
        var second = await browser.PostAsync($"/play/{sessionId}", "answer", token, fields);

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(WebBrowser.RedirectPath(first), WebBrowser.RedirectPath(second));
        var outcome = await browser.GetPageAsync(WebBrowser.RedirectPath(first));
        Assert.Contains("Right!", outcome, StringComparison.Ordinal);
        Assert.Contains("Next question", outcome, StringComparison.Ordinal);
        var results = (await api.GetFromJsonAsync<SessionResults>($"/api/v1/game-sessions/{sessionId}"))!;
        Assert.Equal(1, results.Questions[0].Attempts);
        Assert.Equal(results.Questions[0].Points, results.Score);
        Assert.True(results.Score > 100);

        // Reloading the outcome page neither scores again nor starts the next question's clock.
        Assert.Equal(WithoutTokens(outcome), WithoutTokens(await browser.GetPageAsync(WebBrowser.RedirectPath(first))));
        var after = (await api.GetFromJsonAsync<SessionResults>($"/api/v1/game-sessions/{sessionId}"))!;
        Assert.Equal(results.Score, after.Score);
        Assert.Equal(0, after.Questions[1].Attempts);
        Assert.Null(await PracticeHost.WithDbAsync(_factory, db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions
            .FirstOrDefaultAsync(db.Deliveries, d => d.SessionId == sessionId && d.QuestionId == after.Questions[1].QuestionId)));
    }

    [Fact]
    public async Task A_double_clicked_hint_climbs_one_level_and_a_wrong_answer_keeps_the_question()
    {
        var (student, browser, sessionId) = await StudentPlayingAsync();
        using var _ = browser;
        using var api = _factory.CreateClientFor(student);
        var page = await browser.GetPageAsync($"/play/{sessionId}");
        var questionId = WebBrowser.InputValue(page, "question");
        var token = WebBrowser.AntiforgeryToken(page);
        var hint = new Dictionary<string, string> { ["question"] = questionId, ["level"] = WebBrowser.InputValue(page, "level") };

        Assert.Equal(HttpStatusCode.Redirect, (await browser.PostAsync($"/play/{sessionId}", "hint", token, hint)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.PostAsync($"/play/{sessionId}", "hint", token, hint)).StatusCode);
        Assert.Equal(1, (await api.GetFromJsonAsync<SessionResults>($"/api/v1/game-sessions/{sessionId}"))!.Questions[0].HintsUsed);

        page = await browser.GetPageAsync($"/play/{sessionId}");
        var wrong = await WrongAnswerAsync(page, Guid.Parse(questionId));
        var answered = await browser.PostAsync($"/play/{sessionId}", "answer", token, new() { ["question"] = questionId, ["attempt"] = WebBrowser.InputValue(page, "attempt"), ["answer"] = wrong });
        var outcome = await browser.GetPageAsync(WebBrowser.RedirectPath(answered));
        Assert.Contains("Not quite", outcome, StringComparison.Ordinal);
        Assert.Contains("2 attempts left", outcome, StringComparison.Ordinal);
        Assert.Equal(questionId, WebBrowser.InputValue(outcome, "question"));
        Assert.DoesNotContain(await PracticeHost.AnswerKeyAsync(_factory, Guid.Parse(questionId)) is var key && key.Length > 2 ? key : "\u0000", outcome, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_students_session_and_homework_game_are_the_not_found_page()
    {
        var (_, owner, sessionId) = await StudentPlayingAsync();
        owner.Dispose();
        var other = await _factory.RegisterAndSignInAsync("student");
        using var browser = await WebBrowser.SignedInAsync(_factory, other);

        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync($"/play/{sessionId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync($"/play/{sessionId}/results")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync($"/play/new?homework={Guid.NewGuid()}")).StatusCode);
    }

    [Fact]
    public async Task A_practise_this_skill_link_preselects_it_or_says_there_is_no_game_for_it_yet()
    {
        using var browser = await WebBrowser.SignedInAsync(_factory, await _factory.RegisterAndSignInAsync("student"));

        var fractions = await browser.GetPageAsync("/play/new?skill=math.fractions");
        Assert.Matches("value=\"math.fractions\"\\s+checked", fractions);
        Assert.DoesNotContain("no built-in game", fractions, StringComparison.Ordinal);

        var unknown = await browser.GetPageAsync("/play/new?skill=made-up.skill");
        Assert.Contains("There is no built-in game for that skill yet.", unknown, StringComparison.Ordinal);
        Assert.DoesNotMatch("name=\"skill\" value=\"[^\"]+\"\\s+checked", unknown);
    }

    private async Task<(TestAccount Student, WebBrowser Browser, Guid SessionId)> StudentPlayingAsync()
    {
        var student = await _factory.RegisterAndSignInAsync("student");
        using var api = _factory.CreateClientFor(student);
        var homework = await api.UploadTextAsync("2x+3=11\n5x-7=18");
        Assert.Null(await _factory.RunReadingJobAsync(homework.Id));
        await HomeworkHost.EnsureJobsTableAsync(_factory);

        var browser = await WebBrowser.SignedInAsync(_factory, student);
        var start = await browser.SubmitAsync($"/play/new?homework={homework.Id}", "start", new() { ["homework"] = homework.Id.ToString(), ["questionCount"] = "2" });
        Assert.Equal(HttpStatusCode.Redirect, start.StatusCode);
        return (student, browser, Guid.Parse(WebBrowser.RedirectPath(start)["/play/".Length..]));
    }

    /// <summary>The page without its per-render secrets (antiforgery tokens), to compare two renders.</summary>
    private static string WithoutTokens(string html) =>
        System.Text.RegularExpressions.Regex.Replace(html, "name=\"__RequestVerificationToken\" value=\"[^\"]+\"", "");

    private async Task<string> WrongAnswerAsync(string page, Guid questionId)
    {
        var key = await PracticeHost.AnswerKeyAsync(_factory, questionId);
        var options = System.Text.RegularExpressions.Regex.Matches(page, "name=\"answer\" value=\"([^\"]+)\"").Select(m => m.Groups[1].Value).ToList();
        return options.Count > 0 ? options.First(o => o != key) : "x = 12345";
    }
}
